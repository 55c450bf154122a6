package com.consumer360;

import com.consumer360.batch.BatchCli;
import com.consumer360.ingest.ImportCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the portal, or runs a headless batch command ({@code analyze ...}), or the {@code import} command without starting Spring. */
@SpringBootApplication
public class Consumer360Application {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("import")) {
            System.exit(ImportCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && BatchCli.handles(args[0])) {
            System.exit(BatchCli.run(Arrays.copyOfRange(args, 1, args.length), args[0]));
        }
        SpringApplication.run(Consumer360Application.class, args);
    }
}
