package dev.bongsu.statuspage.data;

import dev.bongsu.statuspage.snapshot.SnapshotSet;

/**
 * The latest build, swapped in whole: request handlers read it without locks and never touch a store.
 *
 * @param data      the data the snapshots were rendered from
 * @param snapshots the pre-rendered answers
 */
public record SiteState(SiteData data, SnapshotSet snapshots) {
}
