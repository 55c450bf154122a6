/** Sign-in and access-denied pages. */
package com.consumer360.security.ui;
