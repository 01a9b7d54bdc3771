package com.lendflow.coreledger.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The schedule engine is plain Java: anything may call it, and it can be reasoned about alone. */
class SchedulePackageIsPureTest {

    private static final Path SOURCES = Path.of("src/main/java/com/lendflow/coreledger/schedule");

    @Test
    void importsNothingButTheJdk() throws IOException {
        List<String> imports;
        try (Stream<Path> files = Files.list(SOURCES)) {
            imports = files.filter(file -> file.toString().endsWith(".java"))
                    .flatMap(SchedulePackageIsPureTest::lines)
                    .map(String::strip)
                    .filter(line -> line.startsWith("import "))
                    .toList();
        }

        assertThat(imports).isNotEmpty().allSatisfy(line -> assertThat(line).matches("import (static )?java\\..*;"));
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
