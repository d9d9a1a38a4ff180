/** A view of one document with the path its formats name it by. */
export interface NamedView<V> {
  readonly path: string;
  readonly view: V;
}
