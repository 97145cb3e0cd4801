package org.memberdesk.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The desktop application (the windows are built in the desktop-app issue). */
public final class DesktopApp extends Application {
    public static void start(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("MemberDesk");
        stage.setScene(new Scene(new Label("MemberDesk"), 640, 400));
        stage.show();
    }
}
