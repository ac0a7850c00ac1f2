package com.positionlab.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.beans.property.SimpleBooleanProperty;

import org.junit.jupiter.api.Test;

class WorkspaceChangesTest {

    private final WorkspaceChanges changes = new WorkspaceChanges();
    private final SimpleBooleanProperty portfolioShown = new SimpleBooleanProperty(true);
    private final SimpleBooleanProperty ticketShown = new SimpleBooleanProperty(false);
    private final WorkspaceChanges portfolio = changes.forPage(portfolioShown);
    private final WorkspaceChanges ticket = changes.forPage(ticketShown);

    @Test
    void aHiddenPageHearsOfChangesOnceWhenItIsShownAgain() {
        changes.changed();
        changes.changed();
        assertThat(portfolio.revisionProperty().get()).isEqualTo(2);
        assertThat(ticket.revisionProperty().get()).as("hidden: no work").isZero();
        portfolioShown.set(false);
        ticketShown.set(true);
        assertThat(ticket.revisionProperty().get()).as("shown after two changes: one reload").isEqualTo(1);
        portfolioShown.set(true);
        assertThat(portfolio.revisionProperty().get()).as("nothing missed: no reload").isEqualTo(2);
    }

    @Test
    void aChangeMadeOnAPageReachesEveryPage() {
        ticket.changed();
        assertThat(changes.revisionProperty().get()).isEqualTo(1);
        assertThat(portfolio.revisionProperty().get()).isEqualTo(1);
        ticketShown.set(true);
        assertThat(ticket.revisionProperty().get()).isEqualTo(1);
    }

    @Test
    void detachedPagesHearNothing() {
        changes.detachPages();
        changes.changed();
        assertThat(portfolio.revisionProperty().get()).isZero();
        ticketShown.set(true);
        assertThat(ticket.revisionProperty().get()).isZero();
    }
}
