package com.consumer360.customsegments;

import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consumer360.audit.AuditAction;
import com.consumer360.support.PortalIntegration;
import com.consumer360.support.SignedIn;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Creating, editing and deleting a custom segment each write one SEGMENT_CHANGE row to the audit trail with the
 * segment's name, the acting user and the version; a refused or invalid write records nothing.
 */
@PortalIntegration
class SegmentAuditTest {

    private static final String COUNT = "SELECT count(*) FROM audit_event WHERE action = '" + AuditAction.SEGMENT_CHANGE
            + "' AND detail LIKE ?";

    @Autowired
    CustomSegmentService service;

    @Autowired
    UserDetailsService users;

    private static SegmentDraft draft(String name, String value) {
        return new SegmentDraft(name, "audit test", Set.of(), new SegmentDefinition(new Rule.Group(Match.ALL,
                List.of(new Rule.Criterion(Attribute.FREQUENCY, Operator.GREATER, List.of(value), null)))));
    }

    @Test
    void createEditAndDeleteAreAuditedWithTheSegmentName() throws Exception {
        String name = "Audited segment " + System.nanoTime();
        String renamed = name + " (edited)";
        long id = SignedIn.call(users, "csops", () -> service.create(draft(name, "2")));
        int version = SignedIn.call(users, "csops", () -> service.update(id, draft(renamed, "3")));
        SignedIn.call(users, "csops", () -> {
            service.delete(id);
            return null;
        });
        assertThat(version).isEqualTo(2);
        String pattern = "%segment \"" + name + "%\" (id " + id + ",%";
        assertThat(superuserLong(COUNT + " AND username = 'csops'", pattern)).isEqualTo(3);
        assertThat(superuserLong(COUNT, "created segment \"" + name + "\" (id " + id + ", version 1)")).isEqualTo(1);
        assertThat(superuserLong(COUNT, "edited segment \"" + renamed + "\" (id " + id + ", version 2)")).isEqualTo(1);
        assertThat(superuserLong(COUNT, "deleted segment \"" + renamed + "\" (id " + id + ", version 2)")).isEqualTo(1);
    }

    @Test
    void refusedAndInvalidWritesRecordNothing() throws Exception {
        String name = "Not audited " + System.nanoTime();
        long before = superuserLong("SELECT count(*) FROM audit_event WHERE action = ?", AuditAction.SEGMENT_CHANGE);
        assertThatThrownBy(() -> SignedIn.call(users, "north", () -> service.create(draft(name, "2"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> SignedIn.call(users, "csops", () -> service.create(draft(name, "not a number"))))
                .isInstanceOf(InvalidSegmentException.class);
        assertThatThrownBy(() -> SignedIn.call(users, "csops", () -> {
            service.delete(Long.MAX_VALUE);
            return null;
        })).isInstanceOf(InvalidSegmentException.class);
        assertThat(superuserLong("SELECT count(*) FROM audit_event WHERE action = ?", AuditAction.SEGMENT_CHANGE))
                .isEqualTo(before);
    }
}
