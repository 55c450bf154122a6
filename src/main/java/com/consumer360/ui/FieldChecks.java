package com.consumer360.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.data.binder.HasValidator;
import com.vaadin.flow.data.binder.ValueContext;

/** What a field's own checks say (text that is no number or date, a value out of its limits, a required empty one). */
public final class FieldChecks {

    private FieldChecks() {
    }

    /**
     * Whether the field refuses what it holds by its own checks: text it cannot read (its value then reads as empty)
     * or a value outside its limits. The page then keeps nothing computed from the value before.
     */
    public static <F extends Component & HasValue<?, V> & HasValidator<V>, V> boolean refused(F field) {
        return field.getDefaultValidator().apply(field.getValue(), new ValueContext(field)).isError();
    }
}
