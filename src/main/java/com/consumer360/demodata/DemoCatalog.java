package com.consumer360.demodata;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Regions, countries, products and planted product affinities of the demo retailer, derived from the seed. */
public final class DemoCatalog {

    /** A sales region with its countries and its share of customers. */
    public record Region(short id, String code, String name, double customerShare, List<String> countries) {
    }

    /** A product with its category and list price. */
    public record Product(int id, String code, String description, String category, BigDecimal listPrice) {
    }

    static final List<Region> REGIONS = List.of(
            new Region((short) 1, "NORTH", "North", 0.25, List.of("Norway", "Sweden", "Denmark", "Finland")),
            new Region((short) 2, "SOUTH", "South", 0.20, List.of("Spain", "Italy", "Portugal", "Greece")),
            new Region((short) 3, "EAST", "East", 0.20, List.of("Poland", "Czechia", "Hungary", "Austria")),
            new Region((short) 4, "WEST", "West", 0.20, List.of("France", "Belgium", "Netherlands", "Ireland")),
            new Region((short) 5, "CENTRAL", "Central", 0.15, List.of("Germany", "Switzerland")));

    private static final String[] CATEGORIES = {
        "Home Decor", "Kitchen", "Stationery", "Toys", "Garden", "Lighting", "Textiles", "Gifts", "Party", "Bags"};
    private static final double[] CATEGORY_MEAN_PRICE = {6.5, 4.2, 1.8, 3.9, 5.5, 7.9, 4.8, 2.9, 1.4, 3.2};
    private static final String[] ADJECTIVES = {
        "Vintage", "Red", "Blue", "White", "Pink", "Rustic", "Retro", "Spotty", "Floral", "Heart", "Star",
        "Green", "Glass", "Wooden", "Enamel", "Paisley", "Regency", "Jumbo", "Mini", "Scandi"};
    private static final String[][] NOUNS = {
        {"Frame", "Clock", "Mirror", "Sign", "Doorstop"}, {"Mug", "Teapot", "Cake Tin", "Apron", "Jar"},
        {"Notebook", "Pencils", "Cards", "Wrap", "Stickers"}, {"Doll", "Puzzle", "Spinning Top", "Skittles", "Kite"},
        {"Plant Pot", "Watering Can", "Bird Feeder", "Trowel", "Gloves"}, {"T-Light Holder", "Lantern",
        "Fairy Lights", "Lamp", "Candle"}, {"Cushion", "Tea Towel", "Blanket", "Tablecloth", "Napkins"},
        {"Gift Box", "Keyring", "Photo Album", "Trinket Box", "Magnet"}, {"Bunting", "Balloons", "Paper Cups",
        "Cake Cases", "Party Bag"}, {"Lunch Bag", "Tote Bag", "Shopper", "Charlotte Bag", "Purse"}};

    private final List<Product> products;
    private final int[][] affinities;

    DemoCatalog(long seed, DemoParameters parameters) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        this.products = createProducts(random, parameters.productCount());
        this.affinities = createAffinities(random, parameters);
    }

    /** The five demo regions. */
    public static List<Region> regions() {
        return REGIONS;
    }

    /** All products, indexed by {@code id - 1}. */
    public List<Product> products() {
        return products;
    }

    /** Planted affinities as pairs {antecedent product id, consequent product id}. */
    public int[][] affinities() {
        return affinities.clone();
    }

    private static List<Product> createProducts(SplittableRandom random, int count) {
        List<Product> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int category = i % CATEGORIES.length;
            String noun = NOUNS[category][random.nextInt(NOUNS[category].length)];
            String description = ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " " + noun + " No. " + (i + 1);
            double price = CATEGORY_MEAN_PRICE[category] * Math.exp(0.5 * random.nextGaussian(0, 1));
            result.add(new Product(i + 1, String.format("P%05d", i + 1), description, CATEGORIES[category],
                    BigDecimal.valueOf(Math.max(0.19, price)).setScale(2, RoundingMode.HALF_UP)));
        }
        return List.copyOf(result);
    }

    /** Pairs among the 200 most popular products, so that they clear realistic support thresholds. */
    private static int[][] createAffinities(SplittableRandom random, DemoParameters parameters) {
        int[][] pairs = new int[parameters.affinityPairs()][];
        int popular = Math.min(200, parameters.productCount());
        for (int i = 0; i < pairs.length; i++) {
            int from = 1 + 2 * i % popular;
            int to;
            do {
                to = 1 + random.nextInt(popular);
            } while (to == from);
            pairs[i] = new int[] {from, to};
        }
        return pairs;
    }
}
