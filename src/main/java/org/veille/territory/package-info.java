/**
 * Places an item is about: the gazetteer of the communes, territories (établissements publics
 * territoriaux) and départements of the Métropole du Grand Paris, shipped as a data file built from
 * the Code officiel géographique, and a tagger that finds them in an item's title and text with one
 * pass of a token trie. No I/O beyond reading a gazetteer file; depends on no other package.
 */
package org.veille.territory;
