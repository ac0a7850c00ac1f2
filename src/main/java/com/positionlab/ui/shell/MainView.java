package com.positionlab.ui.shell;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;

import com.positionlab.service.Services;
import com.positionlab.ui.activity.ActivityView;
import com.positionlab.ui.activity.ActivityViewModel;
import com.positionlab.ui.backtest.BacktestView;
import com.positionlab.ui.backtest.BacktestViewModel;
import com.positionlab.ui.common.Dialogs;
import com.positionlab.ui.build.BuildView;
import com.positionlab.ui.build.BuildViewModel;
import com.positionlab.ui.common.WorkspaceChanges;
import com.positionlab.ui.data.DataView;
import com.positionlab.ui.data.DataViewModel;
import com.positionlab.ui.kelly.KellyLabView;
import com.positionlab.ui.kelly.KellyLabViewModel;
import com.positionlab.ui.portfolio.PortfolioView;
import com.positionlab.ui.portfolio.PortfolioViewModel;
import com.positionlab.service.sizing.SizingRule;
import com.positionlab.ui.rules.RulePreviewModel;
import com.positionlab.ui.rules.RulesView;
import com.positionlab.ui.rules.RulesViewModel;
import com.positionlab.ui.size.SizeTradeView;
import com.positionlab.ui.size.SizeTradeViewModel;
import com.positionlab.ui.task.Job;
import com.positionlab.ui.common.ReportExporter;
import com.positionlab.ui.common.TableExport;
import java.util.Locale;

/**
 * The window's layout: sidebar of pages, the selected page, a status bar with the running jobs, and
 * notifications on top. Pages are built once the workspace is open.
 */
public final class MainView {

    private final MainViewModel model;
    private final FxNotifier notifier;
    private final Dialogs dialogs;
    private final ReportExporter exporter;
    private final WorkspaceChanges changes = new WorkspaceChanges();
    /** Signalled when a sizing is accepted into the history: narrower than {@link #changes}. */
    private final WorkspaceChanges acceptedSizings = new WorkspaceChanges();
    private final StackPane content = new StackPane();
    private final Map<Page, Node> pages = new EnumMap<>(Page.class);
    private final Map<Page, Supplier<Node>> builders = new EnumMap<>(Page.class);
    private final ToggleGroup navigation = new ToggleGroup();
    /** Whether each page is on screen: a hidden page's view model hears of changes only when it is shown again. */
    private final Map<Page, BooleanProperty> shown = new EnumMap<>(Page.class);
    private final Map<Page, ToggleButton> navButtons = new EnumMap<>(Page.class);
    private final HBox jobs = new HBox(12);
    private final Label demoLabel = new Label("Demo data");

    public MainView(MainViewModel model, FxNotifier notifier, Dialogs dialogs, ReportExporter exporter) {
        this.model = model;
        this.notifier = notifier;
        this.dialogs = dialogs;
        this.exporter = exporter;
    }

    public Parent createView() {
        content.getStyleClass().add("content");
        BorderPane frame = new BorderPane(content);
        frame.setLeft(sidebar());
        frame.setBottom(statusBar());
        StackPane root = new StackPane(frame, notifier.layer());
        StackPane.setAlignment(notifier.layer(), Pos.TOP_RIGHT);
        root.getStyleClass().add("positionlab");
        initListeners();
        showState();
        return root;
    }

    /** Keyboard shortcuts: Ctrl+1.. for pages, Ctrl+T for the theme. */
    public void installShortcuts(Scene scene) {
        for (Page p : Page.values()) {
            scene.getAccelerators().put(p.shortcut(), () -> model.selectedPageProperty().set(p));
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN), model::toggleTheme);
    }

    /** The page's root node, once the workspace is open: built (and loaded) the first time it is asked for. */
    public Node page(Page p) {
        Node node = pages.get(p);
        Supplier<Node> builder = builders.get(p);
        if (node == null && builder != null) {
            node = builder.get();
            // Every table of the page: "Copy as CSV" and "Save as CSV…" in its context menu.
            TableExport.installAll(node, p.name().toLowerCase(Locale.ROOT), exporter);
            pages.put(p, node);
        }
        return node;
    }

    private Node sidebar() {
        Label name = new Label("PositionLab");
        name.getStyleClass().addAll(Styles.TITLE_4, "app-name");
        VBox nav = new VBox(4, name);
        nav.getStyleClass().add("sidebar");
        nav.setPadding(new Insets(14, 10, 14, 10));
        nav.setPrefWidth(170);
        nav.setMinWidth(170);
        for (Page p : Page.values()) {
            ToggleButton b = new ToggleButton(p.title(), new FontIcon(p.icon()));
            b.setId("nav-" + p.name().toLowerCase());
            b.setToggleGroup(navigation);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.getStyleClass().addAll(Styles.FLAT, "nav-button");
            b.setTooltip(new Tooltip(p.title() + " (" + p.shortcut().getDisplayText() + ")"));
            b.setOnAction(e -> model.selectedPageProperty().set(p));
            navButtons.put(p, b);
            nav.getChildren().add(b);
        }
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        Button theme = new Button();
        theme.setId("theme-toggle");
        theme.getStyleClass().add(Styles.FLAT);
        theme.setMaxWidth(Double.MAX_VALUE);
        theme.setAlignment(Pos.CENTER_LEFT);
        theme.setTooltip(new Tooltip("Switch light / dark theme (" + new KeyCodeCombination(KeyCode.T,
                KeyCombination.SHORTCUT_DOWN).getDisplayText() + ")"));
        theme.setOnAction(e -> model.toggleTheme());
        Runnable themeLabel = () -> {
            boolean dark = model.themeProperty().get() == Theme.DARK;
            theme.setText(dark ? "Light theme" : "Dark theme");
            theme.setGraphic(new FontIcon(dark ? Feather.SUN : Feather.MOON));
        };
        themeLabel.run();
        model.themeProperty().addListener((o, a, b) -> themeLabel.run());
        nav.getChildren().addAll(spacer, theme);
        return nav;
    }

    private Node statusBar() {
        Label db = new Label();
        db.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        db.textProperty().bind(model.databaseUrlProperty());
        db.setMinWidth(0);
        demoLabel.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.WARNING);
        demoLabel.visibleProperty().bind(model.demoDataProperty());
        jobs.setAlignment(Pos.CENTER_RIGHT);
        jobs.setId("job-list");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, db, spacer, jobs, demoLabel);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        bar.setPadding(new Insets(4, 12, 4, 12));
        bar.setMinHeight(30);
        return bar;
    }

    private void initListeners() {
        model.runningJobs().addListener((ListChangeListener<Job>) c -> rebuildJobs());
        navigation.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null && a != null) {
                a.setSelected(true);
            }
        });
        model.stateProperty().addListener((o, a, b) -> showState());
        model.selectedPageProperty().addListener((o, a, b) -> showPage());
        model.servicesProperty().addListener((o, a, s) -> {
            if (s != null) {
                buildPages(s);
            }
        });
        changes.revisionProperty().addListener((o, a, b) -> updateDemoLabel());
    }

    private void rebuildJobs() {
        jobs.getChildren().clear();
        for (Job job : model.runningJobs()) {
            Label text = new Label();
            text.textProperty().bind(job.messageProperty());
            text.getStyleClass().add(Styles.TEXT_SMALL);
            ProgressBar bar = new ProgressBar();
            bar.progressProperty().bind(job.progressProperty());
            bar.setPrefWidth(110);
            bar.getStyleClass().add(Styles.SMALL);
            Button cancel = new Button(null, new FontIcon(Feather.X));
            cancel.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
            cancel.setTooltip(new Tooltip("Cancel " + job.title()));
            cancel.setOnAction(e -> job.cancel());
            HBox chip = new HBox(6, text, bar, cancel);
            chip.setAlignment(Pos.CENTER_LEFT);
            jobs.getChildren().add(chip);
        }
    }

    /**
     * Registers how each page is built over the open workspace. A page is built, and loads its data, only
     * when it is first shown, so that pages the trader has not opened do no work (the Kelly Lab does not
     * simulate and the ticket does not size while the Portfolio is on screen).
     */
    private void buildPages(Services s) {
        pages.clear();
        changes.detachPages();
        acceptedSizings.detachPages();
        shown.clear();
        for (Page p : Page.values()) {
            shown.put(p, new SimpleBooleanProperty(false));
        }
        WorkspaceChanges portfolioChanges = changes.forPage(shown.get(Page.PORTFOLIO));
        WorkspaceChanges kellyChanges = changes.forPage(shown.get(Page.KELLY));
        WorkspaceChanges dataChanges = changes.forPage(shown.get(Page.DATA));
        WorkspaceChanges rulesChanges = changes.forPage(shown.get(Page.RULES));
        WorkspaceChanges sizeChanges = changes.forPage(shown.get(Page.SIZE));
        WorkspaceChanges activityChanges = changes.forPage(shown.get(Page.ACTIVITY));
        WorkspaceChanges sizeAccepted = acceptedSizings.forPage(shown.get(Page.SIZE));
        WorkspaceChanges activityAccepted = acceptedSizings.forPage(shown.get(Page.ACTIVITY));
        builders.put(Page.PORTFOLIO, () -> {
            PortfolioViewModel m = new PortfolioViewModel(s.portfolio(), model.runner(), notifier, dialogs,
                    portfolioChanges);
            m.refresh();
            return new PortfolioView(m, exporter).createView();
        });
        builders.put(Page.KELLY, () -> {
            KellyLabViewModel m = new KellyLabViewModel(s, model.runner(), notifier, kellyChanges);
            m.refresh();
            return new KellyLabView(m, exporter).createView();
        });
        builders.put(Page.DATA, () -> {
            DataViewModel m = new DataViewModel(s.workspace(), s.imports(), s.portfolio(), model.runner(), notifier,
                    dialogs, dataChanges);
            m.refresh();
            return new DataView(m).createView();
        });
        builders.put(Page.RULES, () -> {
            RulePreviewModel preview = new RulePreviewModel(s.workspace(), s.sizing()::preview, model.runner());
            RulesViewModel m = new RulesViewModel(s.rules(), preview, model.runner(), notifier, dialogs,
                    rulesChanges);
            m.refresh();
            return new RulesView(m).createView();
        });
        builders.put(Page.SIZE, () -> {
            SizeTradeViewModel m = new SizeTradeViewModel(s.workspace(), s.portfolio(), s.sizing(),
                    () -> s.rules().list().stream().filter(SizingRule::active).toList(), model.runner(), notifier,
                    sizeChanges, sizeAccepted, SizeTradeViewModel.DEBOUNCE);
            m.refresh();
            return new SizeTradeView(m, exporter).createView();
        });
        builders.put(Page.ACTIVITY, () -> {
            ActivityViewModel m = new ActivityViewModel(s.sizing(), s.optimizations(), model.runner(), notifier, dialogs,
                    activityChanges, activityAccepted);
            m.refresh();
            return new ActivityView(m, exporter).createView();
        });
        buildPortfolioPages(s);
        updateDemoLabel();
        showPage();
    }

    /** The pages of portfolio construction: Build a portfolio and Backtest. */
    private void buildPortfolioPages(Services s) {
        WorkspaceChanges buildChanges = changes.forPage(shown.get(Page.BUILD));
        WorkspaceChanges backtestChanges = changes.forPage(shown.get(Page.BACKTEST));
        builders.put(Page.BUILD, () -> {
            BuildViewModel m = new BuildViewModel(s.builder(), s.rebalanceSizing(), model.runner(), notifier,
                    buildChanges,
                    BuildViewModel.DEBOUNCE);
            m.refresh();
            return new BuildView(m, exporter).createView();
        });
        builders.put(Page.BACKTEST, () -> {
            BacktestViewModel m = new BacktestViewModel(s.backtestHistory(), s.workspace(), s.portfolio(),
                    model.runner(), backtestChanges);
            m.refresh();
            return new BacktestView(m, exporter).createView();
        });
    }

    private void updateDemoLabel() {
        model.refreshDemoData();
    }

    private void showState() {
        switch (model.stateProperty().get()) {
            case OPENING -> content.getChildren().setAll(placeholder(new ProgressIndicator(-1),
                    "Opening workspace… (the first start creates the demo workspace)"));
            case FAILED -> {
                Label hint = new Label(model.startupErrorProperty().get());
                hint.setWrapText(true);
                hint.setMaxWidth(640);
                hint.getStyleClass().add(Styles.DANGER);
                Button retry = new Button("Try again");
                retry.setOnAction(e -> model.openWorkspace(model.databaseUrlProperty().get()));
                VBox box = placeholder(new FontIcon(Feather.ALERT_TRIANGLE), "The workspace could not be opened.");
                box.getChildren().addAll(hint, retry);
                content.getChildren().setAll(box);
            }
            case READY -> showPage();
            case SAVING -> content.getChildren().setAll(placeholder(new ProgressIndicator(-1),
                    "Saving the workspace… (closing it and writing its backup)"));
        }
        boolean ready = model.stateProperty().get() == MainViewModel.WorkspaceState.READY;
        navButtons.values().forEach(b -> b.setDisable(!ready));
        if (!ready) {
            shown.values().forEach(flag -> flag.set(false));
        }
    }

    private void showPage() {
        Page p = model.selectedPageProperty().get();
        ToggleButton b = navButtons.get(p);
        if (b != null) {
            b.setSelected(true);
        }
        if (model.stateProperty().get() != MainViewModel.WorkspaceState.READY) {
            return;
        }
        Node node = page(p);
        if (node != null) {
            content.getChildren().setAll(node);
        }
        shown.forEach((page, flag) -> flag.set(page == p));
    }

    private static VBox placeholder(Node graphic, String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TITLE_4);
        VBox box = new VBox(14, graphic, l);
        box.setAlignment(Pos.CENTER);
        return box;
    }
}
