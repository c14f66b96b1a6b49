package fr.ent.platform.sovereignty.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.sovereignty.Fixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventorySnapshotTest {

    @Test
    void theJsonFormKeepsEveryPartOfTheInventory() {
        Inventory unknowns = Fixtures.compliant().withNodes(List.of(Fixtures.NODE_PAR, new Node("nu", null, null, null)))
                .withSettings(new PlatformSettings(false, null, 30, null));
        InventorySnapshot snapshot = new InventorySnapshot(Instant.parse("2026-11-28T10:15:30Z"), unknowns);

        InventorySnapshot read = InventorySnapshot.fromJson(snapshot.toJson());

        assertThat(read).isEqualTo(snapshot);
    }

    @Test
    void missingListsAreEmptyAndMissingSettingsUnconfigured() {
        InventorySnapshot read = InventorySnapshot.fromJson("{\"collectedAt\":\"2026-11-28T10:15:30Z\"}");
        assertThat(read.inventory()).isEqualTo(Inventory.empty());
    }

    @Test
    void aMalformedDocumentSaysWhatIsWrong() {
        assertThatThrownBy(() -> InventorySnapshot.fromJson("{\"nodes\":[]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inventaire");
        assertThatThrownBy(() -> InventorySnapshot.fromJson("pas du json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON illisible");
    }
}
