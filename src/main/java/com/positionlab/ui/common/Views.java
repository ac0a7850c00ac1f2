package com.positionlab.ui.common;

import java.util.function.Function;

import javafx.beans.value.ObservableStringValue;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import atlantafx.base.theme.Styles;

/** Small building blocks shared by the views (cards, captions, error labels). */
public final class Views {

    private Views() {
    }

    /** A one-way converter for a choice box that is not typed into: how a value reads on screen. */
    public static <T> StringConverter<T> converter(Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return show.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
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

    /** The label of a form field (small, wrapping). */
    public static Label formLabel(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll("form-label", Styles.TEXT_SMALL);
        label.setWrapText(true);
        return label;
    }

    /** A label showing {@code errors.get(name)} beside the field, which it also marks while there is an error. */
    public static Label fieldError(ObservableMap<String, String> errors, String name, Control field) {
        Label error = new Label();
        error.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER, "field-error");
        error.setWrapText(true);
        error.setVisible(false);
        error.setManaged(false);
        errors.addListener((MapChangeListener<String, String>) c -> {
            String msg = errors.get(name);
            error.setText(msg == null ? "" : msg);
            error.setVisible(msg != null);
            error.setManaged(msg != null);
            field.pseudoClassStateChanged(Styles.STATE_DANGER, msg != null);
        });
        return error;
    }

    /** An empty region that takes the free width of an HBox. */
    public static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }
}
