/** Administration pages. */
package com.consumer360.admin.ui;
