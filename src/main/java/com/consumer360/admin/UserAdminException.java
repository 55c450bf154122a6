package com.consumer360.admin;

/** A user change the database refused (unknown role or region, taken name, last admin...), with its reason. */
public class UserAdminException extends RuntimeException {

    public UserAdminException(String message) {
        super(message);
    }
}
