package dev.bongsu.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClusterSectionTest {
    private static final String SERVICES = """
            services:
              - {id: a, name: A, provider: p, category: c, checks: [{type: tcp, host: 127.0.0.1, port: 1}]}
            """;

    private final ConfigLoader loader = new ConfigLoader(Map.of("NODE_IP", "10.0.1.7"));

    private static Path fixture(String name) {
        try {
            return Path.of(ClusterSectionTest.class.getResource("/config/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void withoutSectionTheClusterIsOneLoopbackNode() {
        BongsuConfig cfg = loader.parse("c.yaml", SERVICES);

        assertThat(cfg.cluster()).isEqualTo(ClusterConfig.defaults());
        assertThat(cfg.cluster().members()).containsExactly("127.0.0.1:5701");
        assertThat(cfg.cluster().eventBus().port()).isZero();
        assertThat(cfg.cluster().memberTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void everyKeyIsRead() {
        String yaml = """
                cluster:
                  name: bongsu-prod
                  members: [10.0.1.5:5701, "10.0.2.5:5701-5703"]
                  host: ${NODE_IP}
                  port: 5702
                  portRange: 3
                  eventBus: {port: 5801, publicHost: 203.0.113.7}
                  memberTimeout: 8s
                  bufferResults: 5000
                """ + SERVICES;

        ClusterConfig c = loader.parse("c.yaml", yaml).cluster();

        assertThat(c.name()).isEqualTo("bongsu-prod");
        assertThat(c.members()).containsExactly("10.0.1.5:5701", "10.0.2.5:5701", "10.0.2.5:5702", "10.0.2.5:5703");
        assertThat(c.host()).isEqualTo("10.0.1.7");
        assertThat(c.port()).isEqualTo(5702);
        assertThat(c.portRange()).isEqualTo(3);
        assertThat(c.eventBus()).isEqualTo(new ClusterConfig.EventBus("10.0.1.7", 5801, "203.0.113.7"));
        assertThat(c.eventBus().advertisedHost()).isEqualTo("203.0.113.7");
        assertThat(c.memberTimeout()).isEqualTo(Duration.ofSeconds(8));
        assertThat(c.bufferResults()).isEqualTo(5000);
    }

    @Test
    void withoutMembersTheNodeLooksForItsOwnPortRange() {
        ClusterConfig c = loader.parse("c.yaml", "cluster: {port: 6000, portRange: 3}\n" + SERVICES).cluster();

        assertThat(c.members()).containsExactly("127.0.0.1:6000", "127.0.0.1:6001", "127.0.0.1:6002");
    }

    @Test
    void otherSettersKeepTheCluster() {
        ClusterConfig c = loader.parse("c.yaml", "cluster: {name: x}\n" + SERVICES).cluster();
        BongsuConfig cfg = loader.parse("c.yaml", "cluster: {name: x}\n" + SERVICES);

        assertThat(cfg.withHttp(cfg.http()).withStorage(cfg.storage()).cluster()).isEqualTo(c);
        assertThat(cfg.withCluster(ClusterConfig.defaults()).cluster()).isEqualTo(ClusterConfig.defaults());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad-cluster-member.yaml           | bad-cluster-member.yaml:5: cluster.members[1]: expected host:port or host:firstPort-lastPort such as 10.0.1.5:5701 or 127.0.0.1:5701-5710, found '10.0.1.6'
            bad-cluster-member-range.yaml     | bad-cluster-member-range.yaml:2: cluster.members[0]: expected ports from 1 to 65535, the first no greater than the last, found '127.0.0.1:5710-5701'
            bad-cluster-members-scalar.yaml   | bad-cluster-members-scalar.yaml:2: cluster.members: expected a list of host:port or host:firstPort-lastPort such as 10.0.1.5:5701 or 127.0.0.1:5701-5710, found '127.0.0.1:5701'
            bad-cluster-port-range.yaml       | bad-cluster-port-range.yaml:3: cluster.portRange: port 65530 plus portRange 10 goes past 65535
            bad-cluster-eventbus-port.yaml    | bad-cluster-eventbus-port.yaml:5: cluster.eventBus.port: port 5703 is one of the membership ports 5701-5705; give the event bus a port of its own, or 0 for any free port
            bad-cluster-key.yaml              | bad-cluster-key.yaml:2: cluster.multicast: unknown key; expected one of name, members, host, port, portRange, eventBus, memberTimeout, bufferResults
            bad-cluster-name.yaml             | bad-cluster-name.yaml:2: cluster.name: expected an id of lower-case letters, digits, '-' and '_' (at most 63, starting with a letter or digit), found 'Bongsu Prod'
            bad-cluster-member-timeout.yaml   | bad-cluster-member-timeout.yaml:2: cluster.memberTimeout: expected a duration from 2s to 5m such as 500ms, 5s, 1m or 2h, found '1s'
            """)
    void badClusterSectionIsRejectedWithFileLineKeyAndValue(String file, String message) {
        assertThatThrownBy(() -> loader.load(fixture(file)))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage()).endsWith(message));
    }
}
