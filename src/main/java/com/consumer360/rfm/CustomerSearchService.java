package com.consumer360.rfm;

import com.consumer360.security.Roles;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds customers by id, code or name, only among the signed-in user's regions (the database enforces it). */
@Service
public class CustomerSearchService {

    /** Fewer characters than this find nothing: one letter would list half the customers. */
    public static final int MIN_LENGTH = 2;
    public static final int MAX_RESULTS = 50;

    private final CustomerSearchQueries queries;

    CustomerSearchService(CustomerSearchQueries queries) {
        this.queries = queries;
    }

    /** At most {@link #MAX_RESULTS} matches, best first; none for a blank or too short text. */
    @PreAuthorize(Roles.ANY_PORTAL_ROLE)
    @Transactional(readOnly = true)
    public List<CustomerMatch> search(String text) {
        if (!SearchText.searchable(text)) {
            return List.of();
        }
        String trimmed = text.strip();
        return queries.search(trimmed.length() > 100 ? trimmed.substring(0, 100) : trimmed, MAX_RESULTS);
    }
}
