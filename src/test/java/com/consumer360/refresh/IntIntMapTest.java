package com.consumer360.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The primitive map against java.util.HashMap, through growth, overwrites and extreme keys. */
class IntIntMapTest {

    @Test
    void behavesLikeAHashMap() {
        Random random = new Random(11);
        IntIntMap map = new IntIntMap();
        Map<Integer, Integer> expected = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            int key = i % 7 == 0 ? random.nextInt(50) : random.nextInt();
            int value = random.nextInt(Integer.MAX_VALUE - 1);
            map.put(key, value);
            expected.put(key, value);
        }
        map.put(Integer.MIN_VALUE, 0);
        expected.put(Integer.MIN_VALUE, 0);
        assertThat(map.size()).isEqualTo(expected.size());
        expected.forEach((key, value) -> assertThat(map.get(key)).isEqualTo(value));
        assertThat(java.util.Arrays.stream(map.keys()).boxed().toList()).containsExactlyInAnyOrderElementsOf(
                expected.keySet());
        assertThat(map.get(Integer.MAX_VALUE)).isEqualTo(expected.getOrDefault(Integer.MAX_VALUE, -1));
        assertThatThrownBy(() -> map.put(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
