package org.memberdesk.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.BothEngines;

/** Issue 17 item 5: a mapping chosen in the wizard is remembered by the file's header, in the shop's settings. */
@BothEngines
class ImportMappingsTest {
    @TempDir
    Path folder;

    @Test
    void finding5_aMappingIsRememberedByTheHeaderAndKindAndOutlivesTheWindow() {
        AppContext app = TestDatabase.open(folder);
        List<String> header = List.of("单号", "客户", "交易时间", "实收金额(元)");
        Map<String, String> chosen = new LinkedHashMap<>();
        chosen.put("purchase_no", "单号");
        chosen.put("member_no", "客户");
        chosen.put("phone", ""); // said to be not in the file
        chosen.put("time", "交易时间");
        chosen.put("amount", "实收金额(元)");
        assertEquals(Map.of(), app.importMappings().remembered("purchases", header));
        app.importMappings().remember("purchases", header, chosen);

        assertEquals(chosen, app.importMappings().remembered("purchases", header));
        // the same header as another export spells it: full-width brackets, spaces — the same columns
        List<String> spelled = List.of(" 单号", "客户", "交易时间", "实收金额（元）");
        Map<String, String> again = app.importMappings().remembered("purchases", spelled);
        assertEquals("实收金额（元）", again.get("amount")); // this file's own column name
        assertEquals("", again.get("phone"));
        // another header, or the same header imported as another kind: nothing remembered
        assertEquals(Map.of(), app.importMappings().remembered("purchases", List.of("单号", "客户", "交易时间")));
        assertEquals(Map.of(), app.importMappings().remembered("members", header));

        // kept in the database: another start of the app (another computer) sees it
        AppContext reopened = new AppContext(app.database(), TestDatabase.clock());
        assertEquals(chosen, reopened.importMappings().remembered("purchases", header));
    }
}
