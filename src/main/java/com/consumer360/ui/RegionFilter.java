package com.consumer360.ui;

import com.consumer360.warehouse.RegionOption;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Narrows a page to some of the regions the user can see. Its items come from {@code RfmService.regions()},
 * a scoped query, so it never lists a region the user has no rows in; it is hidden when there is only one.
 */
public final class RegionFilter extends MultiSelectComboBox<RegionOption> {

    public RegionFilter(List<RegionOption> regions, Runnable onChange) {
        super("Regions");
        setId("region-filter");
        setItems(regions);
        setItemLabelGenerator(RegionOption::name);
        setPlaceholder("All your regions");
        setClearButtonVisible(true);
        setWidth("18rem");
        setVisible(regions.size() > 1);
        addValueChangeListener(e -> onChange.run());
    }

    /** The chosen region ids; empty means every visible region. */
    public Set<Short> regionIds() {
        return getValue().stream().map(RegionOption::id).collect(Collectors.toUnmodifiableSet());
    }
}
