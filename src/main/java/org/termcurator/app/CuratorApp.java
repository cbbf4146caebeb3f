package org.termcurator.app;

import javafx.application.Application;
import javafx.stage.Stage;
import org.termcurator.core.terminal.EmulatorWarmUp;
import org.termcurator.ui.shell.MainWindow;

/** The JavaFX application: builds the composition root, shows the main window and opens the project it was given. */
public final class CuratorApp extends Application {

    private AppContext context;

    @Override
    public void start(Stage stage) {
        context = AppContext.forUser();
        new MainWindow(context.ui()).show(stage);
        Launcher.projectToOpen(getParameters().getRaw()).ifPresent(context.ui().session()::open);
        // compiles the replay's hot paths while the user looks at the window, not when the first recording opens
        Thread.ofPlatform().daemon().name("emulator-warm-up").priority(Thread.MIN_PRIORITY).start(EmulatorWarmUp::run);
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
    }
}
