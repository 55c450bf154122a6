package com.consumer360.refresh;

import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.summary.Digest;
import com.consumer360.summary.DigestService;
import com.consumer360.support.SignedIn;
import com.consumer360.support.PortalIntegration;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.consumer360.support.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A refresh e-mails the weekly digest to each subscriber through a real SMTP server (GreenMail in the test JVM,
 * {@link TestSmtp}), each
 * computed in the recipient's scope: North's e-mail holds North's figures and nothing of another region, exec's all
 * five regions; the stored digests say they were sent.
 */
@PortalIntegration
class DigestMailTest {

    @Autowired
    RefreshRunner runner;

    @Autowired
    DigestService digests;

    @Autowired
    UserDetailsService users;

    @Test
    void aRefreshMailsEachSubscriberTheirOwnScopesSummary() throws Exception {
        as("north", () -> {
            digests.subscribe(true);
            return null;
        });
        SecurityContextHolder.clearContext();
        TestSmtp.server().purgeEmailFromAllMailboxes();
        long runId = runner.run("MANUAL", "test");
        long current = superuserLong("SELECT snapshot_id FROM snapshot WHERE is_current");
        assertThat(current).isEqualTo(runId);

        MimeMessage[] received = TestSmtp.server().getReceivedMessages();
        MimeMessage north = only(received, "north@demo.consumer360.example");
        MimeMessage exec = only(received, "exec@demo.consumer360.example");
        String northBody = GreenMailUtil.getBody(north);
        String execBody = GreenMailUtil.getBody(exec);
        long northActive = superuserLong("SELECT count(*) FROM snap_customer WHERE snapshot_id = ? AND region_id = 1 "
                + "AND recency_days <= 90", current);
        assertThat(north.getSubject()).contains("weekly summary");
        assertThat(decoded(northBody)).contains(">" + String.format("%,d", northActive) + "<")
                .doesNotContain("South", "East", "West", "Central");
        assertThat(decoded(execBody)).contains("North", "South", "East", "West", "Central");
        assertThat(Arrays.stream(received).map(m -> recipient(m)).toList())
                .as("managers who did not subscribe get nothing").doesNotContain("south@demo.consumer360.example");

        assertThat(superuserLong("SELECT count(*) FROM refresh_run WHERE run_id = ? AND error_message LIKE "
                + "'%digests: % e-mailed%'", runId)).as("the run's job history tells how the digests went").isEqualTo(1);
        Digest stored = as("north", () -> digests.myDigests().getFirst());
        assertThat(stored.snapshotId()).isEqualTo(current);
        assertThat(stored.delivery()).isEqualTo("SENT");
        assertThat(stored.attempts()).isEqualTo(1);
    }

    private static MimeMessage only(MimeMessage[] received, String to) {
        List<MimeMessage> found = Arrays.stream(received).filter(m -> recipient(m).equals(to)).toList();
        assertThat(found).as("mails to " + to).hasSize(1);
        return found.getFirst();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body as sent (quoted-printable soft breaks and escapes undone). */
    private static String decoded(String body) {
        return body.replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
    }

    private <T> T as(String username, Callable<T> work) throws Exception {
        return SignedIn.call(users, username, work);
    }
}
