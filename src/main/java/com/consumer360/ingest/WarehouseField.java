package com.consumer360.ingest;

import com.consumer360.analytics.TransactionColumn;
import java.util.List;

/**
 * A field of the warehouse's sales lines that a file's column fills, for the column mapping: invoice, product code,
 * date and customer id are required, and quantity with unit price or else an amount; the rest is optional.
 */
public enum WarehouseField {
    INVOICE("Invoice", Need.REQUIRED, TransactionColumn.INVOICE_ID,
            List.of("invoiceid", "invoiceno", "invoice", "invoicenumber", "orderid", "orderno", "ordernumber",
                    "order", "receipt", "receiptno", "transactionid"), List.of("invoice", "order", "receipt")),
    PRODUCT_CODE("Product code", Need.REQUIRED, TransactionColumn.PRODUCT_ID,
            List.of("productid", "stockcode", "product", "productcode", "sku", "itemcode", "itemid", "item",
                    "article", "articleno", "articlenumber"), List.of("sku", "stock", "product", "item", "article")),
    DESCRIPTION("Description", Need.OPTIONAL, TransactionColumn.DESCRIPTION,
            List.of("description", "productname", "itemname", "productdescription", "desc"), List.of("desc")),
    QUANTITY("Quantity", Need.QUANTITY_AND_PRICE_OR_AMOUNT, TransactionColumn.QUANTITY,
            List.of("quantity", "qty", "units", "quantitysold", "pieces"), List.of("qty", "quant")),
    DATE("Date", Need.REQUIRED, TransactionColumn.INVOICE_DATE,
            List.of("invoicedate", "date", "orderdate", "transactiondate", "datetime", "timestamp", "saledate"),
            List.of("date", "time")),
    UNIT_PRICE("Unit price", Need.QUANTITY_AND_PRICE_OR_AMOUNT, TransactionColumn.UNIT_PRICE,
            List.of("unitprice", "price", "unitcost", "priceeach", "priceperunit"), List.of("price")),
    AMOUNT("Amount", Need.QUANTITY_AND_PRICE_OR_AMOUNT, TransactionColumn.AMOUNT,
            List.of("amount", "total", "linetotal", "netamount", "lineamount", "revenue"),
            List.of("amount", "total")),
    CUSTOMER_ID("Customer id", Need.REQUIRED, TransactionColumn.CUSTOMER_ID,
            List.of("customerid", "customer", "customerno", "customernumber", "clientid", "client", "custid"),
            List.of("customer", "client", "cust")),
    COUNTRY("Country", Need.OPTIONAL, TransactionColumn.COUNTRY, List.of("country", "countryname"),
            List.of("country")),
    REGION("Region", Need.OPTIONAL, TransactionColumn.REGION, List.of("region"), List.of("region"));

    /** Whether a field must be mapped. */
    public enum Need {
        REQUIRED("required"), QUANTITY_AND_PRICE_OR_AMOUNT("quantity and unit price, or amount"), OPTIONAL("optional");

        private final String label;

        Need(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The order of the guesses by part of a name: the most specific parts first. */
    static final List<WarehouseField> GUESS_ORDER = List.of(QUANTITY, UNIT_PRICE, DATE, CUSTOMER_ID, COUNTRY, REGION,
            AMOUNT, PRODUCT_CODE, DESCRIPTION, INVOICE);

    private final String label;
    private final Need need;
    private final TransactionColumn column;
    /** Header names (lower case, letters and digits only) taken as this field, then parts of names for a guess. */
    final List<String> names;
    final List<String> parts;

    WarehouseField(String label, Need need, TransactionColumn column, List<String> names, List<String> parts) {
        this.label = label;
        this.need = need;
        this.column = column;
        this.names = names;
        this.parts = parts;
    }

    public String label() {
        return label;
    }

    public Need need() {
        return need;
    }

    /** Short text for the wizard's label: required, optional, or how quantity, unit price and amount go together. */
    public String needLabel() {
        return switch (this) {
            case QUANTITY, UNIT_PRICE -> "required, or amount";
            case AMOUNT -> "or quantity × price";
            default -> need.label();
        };
    }

    TransactionColumn column() {
        return column;
    }
}
