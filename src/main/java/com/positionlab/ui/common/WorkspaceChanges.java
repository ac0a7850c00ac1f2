package com.positionlab.ui.common;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.value.ObservableBooleanValue;

/**
 * A revision number that goes up whenever the workspace's data changes (import, reset, edit), so
 * every view model showing that data reloads. Touched only on the UI thread.
 *
 * <p>A page sees the changes through {@link #forPage}: while the page is hidden its revision stands still,
 * and when it is shown again after one or more changes it goes up once, so a hidden page does no work
 * and a page on screen is never stale.
 */
public final class WorkspaceChanges {

    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();
    private final WorkspaceChanges parent;
    private final ObservableBooleanValue shown;
    private final List<WorkspaceChanges> pages = new ArrayList<>();
    private boolean missed;

    public WorkspaceChanges() {
        this(null, null);
    }

    private WorkspaceChanges(WorkspaceChanges parent, ObservableBooleanValue shown) {
        this.parent = parent;
        this.shown = shown;
    }

    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** Says that the workspace's data changed: every page on screen reloads, the others when next shown. */
    public void changed() {
        if (parent != null) {
            parent.changed();
            return;
        }
        bump();
        for (WorkspaceChanges page : List.copyOf(pages)) {
            page.workspaceChanged();
        }
    }

    /** The changes as a page sees them: held back while {@code shown} is false, and passed on once when it turns true. */
    public WorkspaceChanges forPage(ObservableBooleanValue shown) {
        WorkspaceChanges page = new WorkspaceChanges(this, shown);
        shown.addListener((o, was, now) -> page.pageShown(now));
        pages.add(page);
        return page;
    }

    /** Stops passing changes to the pages made so far (their workspace was closed). */
    public void detachPages() {
        pages.clear();
    }

    private void workspaceChanged() {
        if (shown.get()) {
            bump();
        } else {
            missed = true;
        }
    }

    private void pageShown(boolean now) {
        if (now && missed) {
            missed = false;
            bump();
        }
    }

    private void bump() {
        revision.set(revision.get() + 1);
    }
}
