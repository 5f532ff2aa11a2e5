package dev.bongsu.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RendezvousTest {
    private static final List<String> CHECKS = IntStream.range(0, 1000).mapToObj(i -> "svc" + (i / 3) + ".check" + (i % 3)).toList();

    @Test
    void everyCheckGoesToExactlyOneNode() {
        List<String> nodes = List.of("node-c", "node-a", "node-b");

        Map<String, List<String>> a = Rendezvous.assign(CHECKS, nodes);

        assertThat(a.keySet()).containsExactly("node-a", "node-b", "node-c");
        List<String> all = new ArrayList<>();
        a.values().forEach(all::addAll);
        assertThat(all).hasSize(CHECKS.size()).containsExactlyInAnyOrderElementsOf(CHECKS);
        for (String node : nodes) {
            assertThat(Rendezvous.share(node, CHECKS, nodes)).isEqualTo(a.get(node));
        }
    }

    @Test
    void sharesAreRoughlyEven() {
        Map<String, List<String>> a = Rendezvous.assign(CHECKS, List.of("n1", "n2", "n3", "n4"));

        a.values().forEach(share -> assertThat(share.size()).isBetween(200, 300));
    }

    @Test
    void theAnswerDoesNotDependOnTheOrderOfNodes() {
        assertThat(Rendezvous.assign(CHECKS, List.of("x", "y", "z")))
                .isEqualTo(Rendezvous.assign(CHECKS, List.of("z", "x", "y")));
    }

    @Test
    void aJoiningNodeTakesChecksOnlyFromOthersAndMovesNoOtherCheck() {
        Map<String, String> before = owners(List.of("n1", "n2", "n3"));
        Map<String, String> after = owners(List.of("n1", "n2", "n3", "n4"));

        long moved = CHECKS.stream().filter(c -> !before.get(c).equals(after.get(c))).count();
        CHECKS.stream().filter(c -> !before.get(c).equals(after.get(c)))
                .forEach(c -> assertThat(after.get(c)).isEqualTo("n4"));
        assertThat(moved).isEqualTo(CHECKS.stream().filter(c -> after.get(c).equals("n4")).count());
        assertThat(moved).isBetween(150L, 350L);
    }

    @Test
    void aLeavingNodesChecksAreSpreadAndNoOtherCheckMoves() {
        Map<String, String> before = owners(List.of("n1", "n2", "n3"));
        Map<String, String> after = owners(List.of("n1", "n3"));

        for (String c : CHECKS) {
            if (!before.get(c).equals("n2")) {
                assertThat(after.get(c)).isEqualTo(before.get(c));
            }
        }
        assertThat(CHECKS.stream().filter(c -> before.get(c).equals("n2")).map(after::get).distinct())
                .containsExactlyInAnyOrder("n1", "n3");
    }

    @Test
    void weightsAreStableAcrossRuns() {
        // Pinned: every node of every version must agree, so the hash must never change.
        assertThat(Rendezvous.weight("node-a", "kakaotalk.web")).isEqualTo(Rendezvous.weight("node-a", "kakaotalk.web"));
        assertThat(Rendezvous.owner("kakaotalk.web", List.of("a", "b", "c", "d")))
                .isEqualTo(Rendezvous.owner("kakaotalk.web", List.of("d", "c", "b", "a")));
        assertThat(Rendezvous.weight("a", "bc")).isNotEqualTo(Rendezvous.weight("ab", "c"));
    }

    @Test
    void noNodesMeansNoAssignmentAndOwnerIsAnError() {
        assertThat(Rendezvous.assign(CHECKS, List.of())).isEmpty();
        assertThatThrownBy(() -> Rendezvous.owner("a.b", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no nodes to assign check 'a.b' to");
    }

    private static Map<String, String> owners(List<String> nodes) {
        Map<String, String> out = new HashMap<>();
        Rendezvous.assign(CHECKS, nodes).forEach((n, checks) -> checks.forEach(c -> out.put(c, n)));
        return out;
    }
}
