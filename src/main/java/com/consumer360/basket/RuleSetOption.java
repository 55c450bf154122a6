package com.consumer360.basket;

/** A rule set the user can choose: region 0 is the rules mined over all regions' baskets. */
public record RuleSetOption(short regionId, String name) {

    public static final short OVERALL = 0;

    public boolean overall() {
        return regionId == OVERALL;
    }
}
