package com.consumer360.customsegments;

import java.util.List;
import java.util.stream.Collectors;

/** A definition or draft was refused; nothing was changed. Each problem names the field it concerns. */
public class InvalidSegmentException extends RuntimeException {

    private final List<DefinitionProblem> problems;

    public InvalidSegmentException(List<DefinitionProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public InvalidSegmentException(String field, String message) {
        this(List.of(new DefinitionProblem(field, message)));
    }

    public List<DefinitionProblem> problems() {
        return problems;
    }
}
