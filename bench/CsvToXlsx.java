import java.io.OutputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * bench/xlsx-import.sh's converter: a purchases CSV (demo's columns) as Excel would save it after a person opened
 * and kept it — text in the shared string table, quantity and amount as numbers, the time as a date cell.
 *
 *   java -cp 'target/memberdesk.jar:target/lib/*' bench/CsvToXlsx.java IN.csv OUT.xlsx
 */
public class CsvToXlsx {
    public static void main(String[] args) throws Exception {
        try (Reader in = Files.newBufferedReader(Path.of(args[0]));
             OutputStream out = Files.newOutputStream(Path.of(args[1]));
             Workbook workbook = new Workbook(out, "bench", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("purchases");
            int r = 0;
            List<String> header = null;
            for (CSVRecord record : CSVFormat.DEFAULT.parse(in)) {
                if (header == null) {
                    header = record.toList();
                    for (int c = 0; c < header.size(); c++) {
                        sheet.value(0, c, header.get(c));
                    }
                    r++;
                    continue;
                }
                for (int c = 0; c < record.size(); c++) {
                    String value = record.get(c);
                    if (value.isEmpty()) {
                        continue;
                    }
                    switch (header.get(c)) {
                        case "time" -> {
                            sheet.value(r, c, LocalDateTime.parse(value.replace(' ', 'T')));
                            sheet.style(r, c).format("yyyy-mm-dd hh:mm:ss").set();
                        }
                        case "quantity" -> sheet.value(r, c, Long.parseLong(value));
                        case "amount" -> sheet.value(r, c, new BigDecimal(value));
                        default -> sheet.value(r, c, value);
                    }
                }
                if (++r % 10_000 == 0) {
                    sheet.flush();
                }
            }
        }
    }
}
