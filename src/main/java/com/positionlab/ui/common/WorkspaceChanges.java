package com.positionlab.ui.common;

import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/**
 * A revision number that goes up whenever the workspace's data changes (import, reset, edit), so
 * every view model showing that data reloads. Touched only on the UI thread.
 */
public final class WorkspaceChanges {

    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();

    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public void changed() {
        revision.set(revision.get() + 1);
    }
}
