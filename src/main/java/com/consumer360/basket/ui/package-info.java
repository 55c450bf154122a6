/** The basket rules page: mining facts, rule scatter, filtered rule table with exports, the selected rule and "bought together". */
package com.consumer360.basket.ui;
