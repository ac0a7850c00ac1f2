package com.positionlab.service.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.positionlab.domain.Instrument;
import com.positionlab.engine.task.Progress;
import com.positionlab.service.ValidationException;
import com.positionlab.service.workspace.WorkspaceService;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import com.positionlab.testing.TestStores;

/** Saved universe lists: kept in order, replaced by name, bounded, and refused with the field named. */
class UniverseListsTest {

    private Database db;
    private UniverseLists lists;
    private List<String> ids;

    @BeforeEach
    void setUp() {
        db = TestStores.memory();
        new WorkspaceService(new Store(db)).createDemo(Progress.NONE);
        lists = new UniverseLists(new Store(db));
        ids = new Store(db).instruments().findAll().stream().map(Instrument::id).toList();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void aListKeepsItsOrderAndSavingUnderItsNameReplacesIt() {
        assertThat(lists.save("  Tech picks ", List.of(ids.get(3), ids.get(0), ids.get(7)))).isEqualTo("Tech picks");
        assertThat(lists.all()).containsEntry("Tech picks", List.of(ids.get(3), ids.get(0), ids.get(7)));
        lists.save("Tech picks", List.of(ids.get(1), ids.get(2)));
        assertThat(lists.all()).containsEntry("Tech picks", List.of(ids.get(1), ids.get(2))).hasSize(1);
        assertThat(lists.delete("Tech picks")).isTrue();
        assertThat(lists.delete("Tech picks")).isFalse();
        assertThat(lists.all()).isEmpty();
    }

    @Test
    void badNamesAndMembersAreRefusedWithTheFieldNamedAndNothingStored() {
        assertThatThrownBy(() -> lists.save(" ", List.of(ids.get(0)))).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("list_name");
        assertThatThrownBy(() -> lists.save("x".repeat(61), List.of(ids.get(0))))
                .hasMessageStartingWith("list_name");
        assertThatThrownBy(() -> lists.save("a" + (char) 7 + "b", List.of(ids.get(0))))
                .hasMessageStartingWith("list_name");
        assertThatThrownBy(() -> lists.save("ok", List.of())).hasMessageStartingWith("universe");
        assertThatThrownBy(() -> lists.save("ok", List.of(ids.get(0), "NOPE"))).hasMessageStartingWith("universe")
                .hasMessageContaining("NOPE");
        assertThatThrownBy(() -> lists.save("ok", List.of(ids.get(0), ids.get(0)))).hasMessageContaining("twice");
        assertThat(lists.all()).isEmpty();
    }

    @Test
    void atMostTwoHundredListsAreKeptButAnExistingOneMayStillBeReplaced() {
        for (int i = 0; i < UniverseLists.MAX_LISTS; i++) {
            lists.save("list " + i, List.of(ids.get(i % ids.size())));
        }
        assertThatThrownBy(() -> lists.save("one more", List.of(ids.get(0)))).hasMessageStartingWith("list_name");
        lists.save("list 7", List.of(ids.get(2), ids.get(4)));
        assertThat(lists.all()).hasSize(UniverseLists.MAX_LISTS).containsEntry("list 7", List.of(ids.get(2), ids.get(4)));
    }
}
