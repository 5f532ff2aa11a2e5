package dev.bongsu.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bongsu.app.web.ConnectionBudget.Verdict;
import org.junit.jupiter.api.Test;

class ConnectionBudgetTest {
    @Test
    void aClientOverItsShareIsRefusedWhileOthersAreAdmitted() {
        ConnectionBudget budget = new ConnectionBudget(10, 2);

        assertThat(budget.admit("a")).isEqualTo(Verdict.ADMITTED);
        assertThat(budget.admit("a")).isEqualTo(Verdict.ADMITTED);
        assertThat(budget.admit("a")).isEqualTo(Verdict.OVER_CLIENT_CAP);
        assertThat(budget.admit("b")).isEqualTo(Verdict.ADMITTED);

        assertThat(budget.snapshot()).isEqualTo(new ConnectionBudget.Snapshot(3, 3, 3, 0, 1, 0));
        assertThat(budget.heldBy("a")).isEqualTo(2);
    }

    @Test
    void theTotalCapHoldsAcrossClientsAndReleasingMakesRoom() {
        ConnectionBudget budget = new ConnectionBudget(2, 0);
        budget.admit("a");
        budget.admit("b");

        assertThat(budget.admit("c")).isEqualTo(Verdict.OVER_TOTAL_CAP);
        budget.refusedOverTotal();
        budget.release("a");
        assertThat(budget.admit("c")).isEqualTo(Verdict.ADMITTED);

        assertThat(budget.snapshot().open()).isEqualTo(2);
        assertThat(budget.snapshot().refusedTotal()).isEqualTo(1);
        assertThat(budget.heldBy("a")).isZero();
    }

    @Test
    void aNewConnectionTakesAnIdleOnesPlaceWithoutGrowingTheTotal() {
        ConnectionBudget budget = new ConnectionBudget(2, 1);
        budget.admit("slow");
        budget.admit("b");

        assertThat(budget.admitInPlaceOf("fresh", "slow")).isEqualTo(Verdict.ADMITTED);

        assertThat(budget.snapshot().open()).isEqualTo(2);
        assertThat(budget.snapshot().shed()).isEqualTo(1);
        assertThat(budget.heldBy("slow")).isZero();
        assertThat(budget.heldBy("fresh")).isEqualTo(1);
    }

    @Test
    void makingRoomNeverLetsAClientPastItsOwnShare() {
        ConnectionBudget budget = new ConnectionBudget(2, 1);
        budget.admit("a");
        budget.admit("b");

        assertThat(budget.admitInPlaceOf("a", "b")).isEqualTo(Verdict.OVER_CLIENT_CAP);
        assertThat(budget.admitInPlaceOf("a", "a")).isEqualTo(Verdict.ADMITTED);
        assertThat(budget.heldBy("b")).isEqualTo(1);
    }

    @Test
    void releasingWhatWasNeverAdmittedIsABug() {
        assertThatThrownBy(() -> new ConnectionBudget(1, 1).release("x")).isInstanceOf(IllegalStateException.class);
    }
}
