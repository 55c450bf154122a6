package com.consumer360.sources;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The source key (CONSUMER360_SOURCE_KEY, or the key file in the data directory) and the runner over the warehouse. */
@Configuration
class SourcesConfig {

    static final String KEY_FILE = "source-secret.key";

    @Bean
    Secrets sourceSecrets(@Value("${consumer360.sources.key:${CONSUMER360_SOURCE_KEY:}}") String key,
                          @Value("${consumer360.data-dir}") String dataDir) {
        return Secrets.of(key, Path.of(dataDir).resolve(KEY_FILE));
    }

    @Bean
    SourceRunner sourceRunner(DataSource dataSource, Secrets secrets) {
        return new SourceRunner(dataSource::getConnection, secrets);
    }
}
