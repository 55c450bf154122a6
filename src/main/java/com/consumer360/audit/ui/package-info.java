/** The admin page of the audit trail. */
package com.consumer360.audit.ui;
