package com.positionlab.ui.shell;

import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;

import com.positionlab.ui.common.Notifier;

/**
 * Notifications stacked in the top-right corner: information fades after a few seconds, errors stay
 * until closed. Errors are logged too. Call on the UI thread.
 */
public final class FxNotifier implements Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(FxNotifier.class);
    private static final int MAX_SHOWN = 4;

    private final VBox layer = new VBox(8);

    public FxNotifier() {
        layer.setAlignment(Pos.TOP_RIGHT);
        layer.setPadding(new Insets(12));
        layer.setPickOnBounds(false);
        layer.setMaxWidth(420);
        layer.getStyleClass().add("notification-layer");
    }

    /** The overlay to put above the content. */
    public VBox layer() {
        return layer;
    }

    @Override
    public void info(String title, String message) {
        Notification n = show(title, message, Feather.INFO, Styles.ACCENT);
        PauseTransition later = new PauseTransition(Duration.seconds(5));
        later.setOnFinished(e -> layer.getChildren().remove(n));
        later.play();
    }

    @Override
    public void done(String title, String message, String action, Runnable onAction) {
        Notification n = show(title, message, Feather.CHECK_CIRCLE, Styles.SUCCESS);
        Button button = new Button(action);
        button.setOnAction(e -> {
            onAction.run();
            layer.getChildren().remove(n);
        });
        n.setPrimaryActions(button);
        PauseTransition later = new PauseTransition(Duration.seconds(12));
        later.setOnFinished(e -> layer.getChildren().remove(n));
        later.play();
    }

    @Override
    public void error(String title, String message) {
        LOG.warn("{}: {}", title, message);
        show(title, message, Feather.ALERT_TRIANGLE, Styles.DANGER);
    }

    private Notification show(String title, String message, Feather icon, String style) {
        Notification n = new Notification(title + "\n" + message, new FontIcon(icon));
        n.getStyleClass().addAll(style, Styles.ELEVATED_1);
        n.setPrefWidth(400);
        n.setMaxWidth(400);
        n.setMaxHeight(Notification.USE_PREF_SIZE);
        n.setOnClose(e -> layer.getChildren().remove(n));
        layer.getChildren().add(n);
        while (layer.getChildren().size() > MAX_SHOWN) {
            layer.getChildren().remove(0);
        }
        return n;
    }
}
