package org.memberdesk.ui.firstrun;

import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.memberdesk.common.Messages;
import org.memberdesk.demo.Business;
import org.memberdesk.ui.common.Language;

/**
 * The welcome questions of a new database: language, kind of business, empty or demo data (a single shop's or a
 * chain's). The dialog re-labels itself as soon as a language is picked, so the rest reads in that language.
 */
public final class FirstRunDialog {
    private final FirstRunViewModel model;
    private final Dialog<FirstRunViewModel.FirstRunChoice> dialog = new Dialog<>();
    private final Label welcome = new Label();
    private final Label intro = new Label();
    private final Label languageLabel = new Label();
    private final Label businessLabel = new Label();
    private final Label dataLabel = new Label();
    private final RadioButton scenic = new RadioButton();
    private final RadioButton gym = new RadioButton();
    private final RadioButton shop = new RadioButton();
    private final RadioButton empty = new RadioButton();
    private final RadioButton demo = new RadioButton();
    private final RadioButton chainDemo = new RadioButton();
    private final ButtonType start = new ButtonType("", ButtonBar.ButtonData.OK_DONE);

    public FirstRunDialog(Window owner, FirstRunViewModel model) {
        this.model = model;
        dialog.initOwner(owner);
        ToggleGroup languages = new ToggleGroup();
        HBox languageRow = new HBox(16);
        for (Language language : Language.values()) {
            RadioButton button = new RadioButton(language.nativeName());
            button.setId("firstrun-lang-" + language.name().toLowerCase(java.util.Locale.ROOT));
            button.setToggleGroup(languages);
            button.setSelected(language == model.languageProperty().get());
            button.setOnAction(event -> {
                model.languageProperty().set(language);
                relabel();
            });
            languageRow.getChildren().add(button);
        }
        ToggleGroup businesses = new ToggleGroup();
        bindBusiness(scenic, Business.SCENIC, businesses);
        bindBusiness(gym, Business.GYM, businesses);
        bindBusiness(shop, Business.SHOP, businesses);
        ToggleGroup data = new ToggleGroup();
        empty.setToggleGroup(data);
        demo.setToggleGroup(data);
        chainDemo.setToggleGroup(data);
        empty.setId("firstrun-empty");
        demo.setId("firstrun-demo");
        chainDemo.setId("firstrun-demo-chain");
        boolean chain = model.demoStoresProperty().get() > 1;
        empty.setSelected(!model.withDemoProperty().get());
        demo.setSelected(model.withDemoProperty().get() && !chain);
        chainDemo.setSelected(model.withDemoProperty().get() && chain);
        data.selectedToggleProperty().addListener((obs, was, now) -> {
            model.withDemoProperty().set(now == demo || now == chainDemo);
            model.demoStoresProperty().set(now == chainDemo ? FirstRunViewModel.DEMO_CHAIN_STORES : 1);
        });

        FontIcon icon = new FontIcon(Feather.USERS);
        icon.getStyleClass().add("welcome-icon");
        welcome.getStyleClass().add("title-2");
        intro.setWrapText(true);
        intro.getStyleClass().add("text-muted");
        for (Label label : new Label[] {languageLabel, businessLabel, dataLabel}) {
            label.getStyleClass().add("text-bold");
        }
        VBox content = new VBox(10,
                new HBox(14, icon, new VBox(4, welcome, intro)),
                languageLabel, languageRow,
                businessLabel, new HBox(16, scenic, gym, shop),
                dataLabel, new VBox(8, empty, demo, chainDemo));
        content.setPadding(new Insets(8, 4, 4, 4));
        content.setPrefWidth(520);
        // the English start choices are longer than one line at this width: wrap rather than cut them off
        for (RadioButton choice : new RadioButton[] {empty, demo, chainDemo}) {
            choice.setWrapText(true);
            choice.setMaxWidth(500);
            // never squeezed to one line and "…": the window grows to them instead (see relabel)
            choice.setMinHeight(Region.USE_PREF_SIZE);
        }
        intro.setMinHeight(Region.USE_PREF_SIZE);
        VBox.setMargin(languageLabel, new Insets(12, 0, 0, 0));
        VBox.setMargin(businessLabel, new Insets(12, 0, 0, 0));
        VBox.setMargin(dataLabel, new Insets(12, 0, 0, 0));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(start);
        dialog.getDialogPane().setId("firstrun");
        dialog.setResultConverter(button -> model.choice());
        relabel();
    }

    private void bindBusiness(RadioButton button, Business business, ToggleGroup group) {
        button.setToggleGroup(group);
        button.setId("firstrun-" + business.code());
        button.setSelected(model.businessProperty().get() == business);
        button.setOnAction(event -> model.businessProperty().set(business));
    }

    private void relabel() {
        Messages m = model.languageProperty().get().messages();
        dialog.setTitle(m.get("firstrun.title"));
        welcome.setText(m.get("firstrun.welcome"));
        intro.setText(m.get("firstrun.intro"));
        languageLabel.setText(m.get("firstrun.language"));
        businessLabel.setText(m.get("firstrun.business"));
        dataLabel.setText(m.get("firstrun.data"));
        scenic.setText(m.get("business.scenic"));
        gym.setText(m.get("business.gym"));
        shop.setText(m.get("business.shop"));
        empty.setText(m.get("firstrun.empty"));
        demo.setText(m.get("firstrun.demo", FirstRunViewModel.DEMO_MEMBERS));
        chainDemo.setText(m.get("firstrun.demo.chain", FirstRunViewModel.DEMO_CHAIN_STORES,
                FirstRunViewModel.DEMO_MEMBERS));
        javafx.scene.control.Button button = (javafx.scene.control.Button) dialog.getDialogPane().lookupButton(start);
        button.setText(m.get("firstrun.start"));
        button.setId("firstrun-start");
        // the window was sized to the first language's words; English wraps to more lines than Chinese
        if (dialog.isShowing()) {
            dialog.getDialogPane().getScene().getWindow().sizeToScene();
        }
    }

    /** Closing the window counts as "start" with the defaults shown: the app is usable either way. */
    public FirstRunViewModel.FirstRunChoice ask() {
        Optional<FirstRunViewModel.FirstRunChoice> choice = dialog.showAndWait();
        return choice.orElse(model.choice());
    }

    public Dialog<FirstRunViewModel.FirstRunChoice> dialog() {
        return dialog;
    }
}
