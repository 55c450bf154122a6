package com.consumer360.rfm;

import java.time.LocalDate;

/** The current snapshot's id, as-of date and segment map version. */
record CurrentSnapshot(long id, LocalDate asOf, String segmentMapVersion) {
}
