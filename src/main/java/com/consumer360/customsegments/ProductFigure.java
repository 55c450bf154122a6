package com.consumer360.customsegments;

import java.math.BigDecimal;

/** A product's figures over a segment's members: how many bought it, net units and net revenue. */
public record ProductFigure(String code, String description, long customers, long units, BigDecimal revenue) {
}
