package com.consumer360.summary.ui;

import com.consumer360.security.Roles;
import com.consumer360.summary.Digest;
import com.consumer360.summary.DigestService;
import com.consumer360.summary.DigestSettings;
import com.consumer360.ui.Cards;
import com.consumer360.ui.PageHeader;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The signed-in user's weekly digests (each computed in their own scope when it was made) and their digest settings.
 * {@code summary/digests?id=N} opens one; an id that is not theirs shows the same "not found" as one that does not exist.
 */
@Route("summary/digests")
@PageTitle("My digests · Consumer360")
@Menu(title = "My digests", order = 0.6)
@RolesAllowed({Roles.REGIONAL_MANAGER, Roles.EXECUTIVE, Roles.CS_OPS, Roles.ADMIN})
public class DigestsView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final DigestService digests;
    private final Grid<Digest> grid = new Grid<>();
    private final IFrame shown = new IFrame();
    private final Span message = new Span();
    private final Checkbox subscribed;

    public DigestsView(DigestService digests) {
        this.digests = digests;
        addClassName("c360-page");
        setId("digests-view");
        DigestSettings settings = digests.mySettings();
        subscribed = new Checkbox("Send me the weekly summary after each refresh", settings.subscribed());
        subscribed.setId("digest-subscribed");
        subscribed.addValueChangeListener(e -> {
            digests.subscribe(e.getValue());
            if (noDigestYet) {
                message.setText(emptyMessage(e.getValue()));
            }
        });
        EmailField email = new EmailField("E-mail address");
        email.setId("digest-email");
        email.setValue(settings.email() == null ? "" : settings.email());
        email.setWidth("20rem");
        Span emailError = new Span();
        emailError.setId("digest-email-error");
        emailError.addClassName("c360-warning");
        emailError.setVisible(false);
        Button save = new Button("Save address", e -> {
            try {
                digests.setEmail(email.getValue());
                emailError.setText("Saved.");
                emailError.setVisible(true);
            } catch (IllegalArgumentException refused) {
                emailError.setText("Not saved: " + refused.getMessage() + ".");
                emailError.setVisible(true);
            }
        });
        save.setId("digest-email-save");
        HorizontalLayout address = new HorizontalLayout(email, save, emailError);
        address.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        Paragraph mail = Cards.muted(settings.mailConfigured()
                ? "Digests are e-mailed to the address below and kept here."
                : "Digests are kept here only: this portal does not send e-mail yet (an administrator can set up a mail "
                + "server).");
        mail.setId("digest-mail-status");
        grid.setId("digests-grid");
        grid.addColumn(d -> AT.format(d.createdAt().atZoneSameInstant(ZoneId.systemDefault()))).setHeader("Made")
                .setAutoWidth(true);
        grid.addColumn(Digest::subject).setHeader("Subject").setFlexGrow(2);
        grid.addColumn(d -> switch (d.delivery()) {
            case "SENT" -> "e-mailed";
            case "FAILED" -> "e-mail failed after " + d.attempts() + " attempts";
            case "PENDING" -> "sending";
            default -> "kept here";
        }).setHeader("Delivery").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setHeight("10rem");
        grid.setEmptyStateText("No digest yet: while the weekly summary is ticked above, one is made for you after "
                + "each refresh.");
        grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(this::show));
        // The digest's own HTML, in a frame that may run nothing and reach nothing.
        shown.setId("digest-frame");
        shown.setSandbox(IFrame.SandboxType.RESTRICT_ALL);
        shown.setWidthFull();
        shown.setHeight("640px");
        shown.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)");
        shown.setVisible(false);
        message.setId("digest-message");
        add(PageHeader.of("My digests", new Paragraph("The weekly summary as it was made for you after each refresh, "
                + "in your regions.")), Cards.card("Settings", subscribed, address, mail), grid, message, shown);
    }

    /** Whether the page shows no digest (its message then depends on the opt-in). */
    private boolean noDigestYet;

    /** The empty page's message: a digest is made after the next refresh only for a subscriber. */
    private static String emptyMessage(boolean subscribed) {
        return subscribed ? "No digest yet: one is made after the next refresh."
                : "No digest yet: tick the box above to get one after each refresh.";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<Digest> mine = digests.myDigests();
        grid.setItems(mine);
        noDigestYet = mine.isEmpty();
        message.setText(noDigestYet ? emptyMessage(subscribed.getValue()) : "");
        List<String> id = event.getLocation().getQueryParameters().getParameters().get("id");
        if (id != null && !id.isEmpty()) {
            try {
                digests.myDigest(Long.parseLong(id.getFirst())).ifPresentOrElse(this::show,
                        () -> message.setText("Digest not found."));
            } catch (NumberFormatException e) {
                message.setText("Digest not found.");
            }
        } else if (!mine.isEmpty()) {
            show(mine.getFirst());
        }
    }

    private void show(Digest digest) {
        shown.setSrcdoc(digest.html());
        shown.setVisible(true);
    }
}
