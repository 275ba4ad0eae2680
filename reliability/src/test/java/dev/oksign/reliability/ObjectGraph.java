package dev.oksign.reliability;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Counts the objects reachable from a root through instance fields, arrays, collections and maps: a
 * measure of state that would grow if a signer cached something per request, per nonce or per
 * token. Objects of the JDK are counted but not opened (their fields are closed to reflection),
 * except arrays, collections and maps, whose elements are followed.
 */
final class ObjectGraph {
  private ObjectGraph() {}

  static long size(Object root) {
    IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
    Deque<Object> todo = new ArrayDeque<>();
    todo.push(root);
    long count = 0;
    while (!todo.isEmpty()) {
      Object o = todo.pop();
      if (o == null || seen.put(o, Boolean.TRUE) != null) continue;
      count++;
      Class<?> type = o.getClass();
      if (o instanceof Class<?> || o instanceof ClassLoader || o instanceof Thread) continue;
      if (type.isArray()) {
        if (!type.getComponentType().isPrimitive()) {
          for (int i = 0, n = Array.getLength(o); i < n; i++) todo.push(Array.get(o, i));
        } else {
          count += Array.getLength(o) / 8; // a long[] of 8 counts as one more object
        }
      } else if (o instanceof Collection<?> c) {
        todo.addAll(c);
      } else if (o instanceof Map<?, ?> m) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
          todo.push(e.getKey());
          todo.push(e.getValue());
        }
      } else if (!type.getName().startsWith("java.")
          && !type.getName().startsWith("javax.")
          && !type.getName().startsWith("jdk.")
          && !type.getName().startsWith("sun.")) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
          for (Field f : c.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) continue;
            try {
              f.setAccessible(true);
              todo.push(f.get(o));
            } catch (RuntimeException | IllegalAccessException closed) {
              // A field of a module that does not open it: counted as the object already is.
            }
          }
        }
      }
    }
    return count;
  }
}
