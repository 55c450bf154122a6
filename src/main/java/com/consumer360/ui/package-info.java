/** The portal's shell: main layout with role-filtered navigation and the "data as of" header, error pages. */
package com.consumer360.ui;
