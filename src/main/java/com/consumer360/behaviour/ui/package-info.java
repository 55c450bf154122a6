/** The behaviour map page: the frequency × monetary scatter, its filters, two groups compared side by side. */
package com.consumer360.behaviour.ui;
