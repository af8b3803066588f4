import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SAXON_DISTRICTS, SAXON_PLACES, distanceKm, findPlace, placeForPostcode } from './saxony.js';

describe('Saxon places', () => {
  it('has the 13 districts', () => assert.equal(SAXON_DISTRICTS.length, 13));
  it('lists the districts of the places, each once, in German order', () => {
    const districts = [...new Set(SAXON_PLACES.map((x) => x.district))].sort((a, b) => a.localeCompare(b, 'de'));
    assert.deepEqual(SAXON_DISTRICTS, districts);
  });
  it('finds towns by name, folding case, umlauts and ß', () => {
    assert.equal(findPlace('weisswasser')?.name, 'Weißwasser');
    assert.equal(findPlace('GÖRLITZ')?.district, 'Görlitz');
    assert.equal(findPlace('Erzgebirgskreis')?.district, 'Erzgebirgskreis');
    assert.equal(findPlace('Berlin'), undefined);
  });
  it('maps postcodes to towns by the longest prefix', () => {
    assert.equal(placeForPostcode('01069')?.name, 'Dresden');
    assert.equal(placeForPostcode('04109')?.name, 'Leipzig');
    assert.equal(placeForPostcode('02943')?.name, 'Weißwasser');
    assert.equal(placeForPostcode('09212')?.name, 'Limbach-Oberfrohna');
    assert.equal(placeForPostcode('10115'), undefined);
    assert.equal(placeForPostcode('0106'), undefined);
  });
  it('answers at once for a pasted page instead of a name or postcode', () => {
    assert.equal(findPlace(`Dresden${' '.repeat(1_000_000)}`), undefined);
    assert.equal(placeForPostcode(`01069${' '.repeat(1_000_000)}`), undefined);
    assert.equal(findPlace(' Dresden ')?.name, 'Dresden');
    assert.equal(placeForPostcode(' 01069 ')?.name, 'Dresden');
  });
  it('measures distances in km', () => {
    const km = distanceKm(findPlace('Dresden')!.geo, findPlace('Leipzig')!.geo);
    assert.ok(km > 95 && km < 105, `Dresden–Leipzig ${km} km`);
  });
});
