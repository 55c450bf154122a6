package com.consumer360.basket;

/** A rule as the scatter plots it: support (x), confidence (y), lift (colour). */
public record RulePoint(int rank, double support, double confidence, double lift) {
}
