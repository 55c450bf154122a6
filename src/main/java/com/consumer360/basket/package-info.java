/** Market-basket rules of the current snapshot (overall or one region's), filtered, plotted and exported within the user's region scope. */
package com.consumer360.basket;
