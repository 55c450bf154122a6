package com.consumer360.customsegments.ui;

import com.consumer360.customsegments.Attribute;
import com.consumer360.customsegments.Choices;
import com.consumer360.customsegments.Match;
import com.consumer360.customsegments.Operator;
import com.consumer360.customsegments.Rule;
import com.consumer360.customsegments.SegmentDefinition;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A group of the builder: "all of" (AND) or "any of" (OR) over criteria and nested groups, down to
 * {@link SegmentDefinition#MAX_DEPTH} levels. Problems with the group itself show under its header.
 */
final class GroupBox extends Div {

    private final Choices choices;
    private final Function<String, List<String[]>> productSearch;
    private final Runnable changed;
    private final int depth;
    private final Select<Match> match = new Select<>();
    private final Div rules = new Div();
    private final Span error = new Span();
    private final List<Component> children = new ArrayList<>();
    private String path = "";

    GroupBox(Choices choices, Function<String, List<String[]>> productSearch, Runnable changed, int depth,
             Runnable remove) {
        this.choices = choices;
        this.productSearch = productSearch;
        this.changed = changed;
        this.depth = depth;
        addClassName("c360-criteria-group");
        getStyle().set("border-left", "3px solid var(--lumo-primary-color-50pct)")
                .set("padding", "var(--lumo-space-xs) var(--lumo-space-m)").set("margin", "var(--lumo-space-xs) 0");
        match.setItems(Match.values());
        match.setItemLabelGenerator(m -> m == Match.ALL ? "All of (AND)" : "Any of (OR)");
        match.setValue(Match.ALL);
        match.setWidth("12em");
        match.setAriaLabel("Combine");
        match.addClassName("group-match");
        match.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                changed.run();
            }
        });
        Button addCriterion = new Button("Add criterion", e -> {
            addCriterion(new Rule.Criterion(Attribute.MONETARY, Operator.GREATER, List.of(), null));
            changed.run();
        });
        addCriterion.addThemeVariants(ButtonVariant.LUMO_SMALL);
        addCriterion.addClassName("group-add-criterion");
        HorizontalLayout header = new HorizontalLayout(new Span(depth == 1 ? "Customers who meet" : "Group: meet"),
                match);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        header.add(addCriterion);
        if (depth < SegmentDefinition.MAX_DEPTH) {
            Button addGroup = new Button("Add group", e -> {
                GroupBox group = addGroup(Match.ANY);
                group.addCriterion(new Rule.Criterion(Attribute.COUNTRY, Operator.IN, List.of(), null));
                changed.run();
            });
            addGroup.addThemeVariants(ButtonVariant.LUMO_SMALL);
            addGroup.addClassName("group-add-group");
            header.add(addGroup);
        }
        if (remove != null) {
            Button delete = new Button("Remove group", e -> remove.run());
            delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            header.add(delete);
        }
        error.addClassName("c360-field-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("font-size", "var(--lumo-font-size-s)");
        add(header, error, rules);
    }

    void set(Rule.Group group) {
        children.clear();
        rules.removeAll();
        match.setValue(group.match());
        for (Rule rule : group.rules()) {
            switch (rule) {
                case Rule.Criterion c -> addCriterion(c);
                case Rule.Group g -> addGroup(g.match()).set(g);
            }
        }
        renumber(path);
    }

    void addCriterion(Rule.Criterion c) {
        CriterionRow[] row = new CriterionRow[1];
        row[0] = new CriterionRow(choices, productSearch, changed, () -> {
            remove(row[0]);
        });
        row[0].set(c);
        children.add(row[0]);
        rules.add(row[0]);
        renumber(path);
    }

    GroupBox addGroup(Match m) {
        GroupBox[] group = new GroupBox[1];
        group[0] = new GroupBox(choices, productSearch, changed, depth + 1, () -> remove(group[0]));
        group[0].match.setValue(m);
        children.add(group[0]);
        rules.add(group[0]);
        renumber(path);
        return group[0];
    }

    private void remove(Component child) {
        children.remove(child);
        rules.remove(child);
        renumber(path);
        changed.run();
    }

    /** Gives every criterion and group its path in the definition (rules[1].rules[0]) for the validator's problems. */
    void renumber(String path) {
        this.path = path;
        getElement().setAttribute("data-path", path.isEmpty() ? "definition" : path);
        for (int i = 0; i < children.size(); i++) {
            String child = (path.isEmpty() ? "" : path + ".") + "rules[" + i + "]";
            switch (children.get(i)) {
                case CriterionRow row -> row.path(child);
                case GroupBox group -> group.renumber(child);
                default -> throw new IllegalStateException();
            }
        }
    }

    Rule.Group group() {
        List<Rule> list = new ArrayList<>();
        for (Component child : children) {
            list.add(switch (child) {
                case CriterionRow row -> row.criterion();
                case GroupBox group -> group.group();
                default -> throw new IllegalStateException();
            });
        }
        return new Rule.Group(match.getValue(), list);
    }

    void clearErrors() {
        error.setText("");
        children.forEach(c -> {
            if (c instanceof CriterionRow row) {
                row.clearErrors();
            } else if (c instanceof GroupBox g) {
                g.clearErrors();
            }
        });
    }

    /**
     * Whether a problem's field is a criterion's value the author has not filled in yet: empty, and holding no text the
     * field cannot read. The preview does not mark such a field (a new criterion is not wrong, only unfinished); a save
     * does.
     */
    boolean unfilled(String field) {
        for (Component c : children) {
            if (c instanceof CriterionRow row && (field.equals(row.path()) || field.startsWith(row.path() + "."))) {
                return row.unfilled(field.substring(row.path().length()));
            }
            if (c instanceof GroupBox g && (field.equals(g.path) || field.startsWith(g.path + "."))) {
                return g.unfilled(field);
            }
        }
        return false;
    }

    /** Shows a problem at the deepest criterion or group its field lies in; false if none holds it. */
    boolean error(String field, String message) {
        for (Component c : children) {
            if (c instanceof CriterionRow row && (field.equals(row.path()) || field.startsWith(row.path() + "."))) {
                row.error(field.substring(row.path().length()), message);
                return true;
            }
            if (c instanceof GroupBox g && (field.equals(g.path) || field.startsWith(g.path + "."))
                    && g.error(field, message)) {
                return true;
            }
        }
        if (path.isEmpty() || field.equals(path) || field.startsWith(path + ".")) {
            error.setText((error.getText().isEmpty() ? "" : error.getText() + " ") + message);
            return true;
        }
        return false;
    }
}
