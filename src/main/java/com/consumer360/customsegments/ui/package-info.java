/**
 * Views of custom segments: the list ({@code custom-segments}), the builder for CS ops and administrators
 * ({@code custom-segments/new}, {@code custom-segments/{id}}), the profile ({@code custom-segments/{id}/profile}) and
 * the comparison with overlap ({@code custom-segments/compare}). Internal to the customsegments module; they call
 * only {@code CustomSegmentService}.
 */
package com.consumer360.customsegments.ui;
