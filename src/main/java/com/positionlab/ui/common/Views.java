package com.positionlab.ui.common;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;

/** Small building blocks shared by the views (cards, captions, error labels). */
public final class Views {

    private Views() {
    }

    /** A titled panel whose content grows. */
    public static VBox card(String title, Node content) {
        Label heading = new Label(title);
        heading.getStyleClass().addAll(Styles.TEXT_BOLD, "card-title");
        VBox box = new VBox(6, heading, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        box.getStyleClass().add("panel");
        return box;
    }

    public static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        return l;
    }

    /** A label that shows a field's error text, and takes no room when there is none. */
    public static Label errorLabel(ObservableStringValue error) {
        Label l = new Label();
        l.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER, "field-error");
        l.textProperty().bind(error);
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }
}
