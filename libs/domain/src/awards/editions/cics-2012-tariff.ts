import type { TariffEntry, TariffPart } from '../award-types.js';

/*
 * CICS 2012 Annex E (tariff of injuries), shared by every CICS-2012 edition: the 2019 amendment did not
 * touch Annex E as far as we know (its explanatory memorandum describes only the removal of para 19 and a
 * re-application rule). The official Annex E text could NOT be read: every stored copy of the final scheme
 * (studylib.net, docplayer.net), of the draft scheme laid in July 2012 (vdocuments.us) and of CICA's 2012
 * guide (docplayer.net, scribd) shows only its opening pages, and no tribunal decision seen quotes Annex E.
 * So every entry is `verified: false` unless a near-primary source quoting a CICA decision under the 2012
 * scheme confirms both the injury and the amount. Descriptions are paraphrased. No entries were added from
 * memory: an Annex E injury missing here should be added only with a source for its amount.
 *
 * Codes are ours (the scheme has none); CICA letters cite "level A4", "level B2" and so on, which we have
 * not been able to map fully, so levels are not used as codes.
 */

const UNCHECKED = 'Recollection of CICS 2012 Annex E; not checked against the scheme text';
const PRACTITIONER_2022 =
  'Practitioner summary of the 2012 tariff (cica-criminal-injury-uk.com, "The latest criminal injuries compensation tariffs 2022"); scheme text not seen';
const PRACTITIONER_2013 =
  'Practitioner summary "as at Feb 2013" (cohencramerpi.co.uk, levels of compensation for rape and sexual assault); scheme text not seen';
const MENTAL_PRACTITIONER =
  'Amount corroborated by practitioner guides (hudgellsolicitors.co.uk CICA mental injury awards; blogpulseguru.com); scheme text not seen';

function e(
  code: string,
  part: TariffPart,
  bodyArea: string,
  description: string,
  amountPence: number,
  source: string = UNCHECKED,
  verified = false,
  outsideMultipleInjuryFormula = false,
): TariffEntry {
  return { code, description, part, bodyArea, amountPence, outsideMultipleInjuryFormula, source, verified };
}

/** Paid in full outside the multiple-injury formula (Annex E, Part B "other payments"). */
function outside(
  code: string,
  bodyArea: string,
  description: string,
  amountPence: number,
  source = UNCHECKED,
): TariffEntry {
  return e(code, 'B', bodyArea, description, amountPence, source, false, true);
}

export const CICS_2012_TARIFF: readonly TariffEntry[] = Object.freeze([
  // Part A: mental injury (disabling, diagnosed by a psychiatrist or clinical psychologist).
  e(
    'A-MENTAL-6W-28W',
    'A',
    'mental injury',
    'Disabling mental injury lasting 6 weeks up to 28 weeks',
    100000,
    MENTAL_PRACTITIONER,
  ),
  e(
    'A-MENTAL-28W-2Y',
    'A',
    'mental injury',
    'Disabling mental injury lasting more than 28 weeks up to 2 years',
    240000,
    MENTAL_PRACTITIONER,
  ),
  e(
    'A-MENTAL-2Y-5Y',
    'A',
    'mental injury',
    'Disabling mental injury lasting 2 years up to 5 years',
    620000,
    MENTAL_PRACTITIONER,
  ),
  e(
    'A-MENTAL-5Y-NOT-PERMANENT',
    'A',
    'mental injury',
    'Disabling mental injury lasting more than 5 years but not permanent',
    1350000,
  ),
  e('A-MENTAL-PERMANENT-MODERATE', 'A', 'mental injury', 'Permanent mental injury, moderately disabling', 1900000),
  e(
    'A-MENTAL-PERMANENT-SERIOUS',
    'A',
    'mental injury',
    'Permanent mental injury, seriously disabling',
    2700000,
    MENTAL_PRACTITIONER,
  ),

  // Part A: head.
  e('A-HEAD-BRAIN-MINOR', 'A', 'head', 'Brain injury: minor impairment of intellectual function', 1100000),
  e(
    'A-HEAD-BRAIN-MODERATE',
    'A',
    'head',
    'Brain injury: moderate impairment of social or intellectual function',
    5500000,
  ),
  e(
    'A-HEAD-BRAIN-SERIOUS',
    'A',
    'head',
    'Brain injury: serious impairment of social or intellectual function',
    11000000,
  ),
  e(
    'A-HEAD-BRAIN-VERY-SERIOUS',
    'A',
    'head',
    'Brain injury: very serious impairment of social or intellectual function',
    17500000,
    PRACTITIONER_2022,
  ),
  e(
    'A-HEAD-BRAIN-EXTREMELY-SERIOUS',
    'A',
    'head',
    'Brain injury: extremely serious, no effective control of functions',
    25000000,
  ),
  e('A-HEAD-SKULL-FRACTURE', 'A', 'head', 'Fractured skull, no operation', 200000),
  e('A-HEAD-SKULL-FRACTURE-OPERATED', 'A', 'head', 'Fractured skull, depressed fracture requiring operation', 620000),
  e('A-HEAD-EAR-LOSS', 'A', 'head', 'Loss of an ear', 1100000, PRACTITIONER_2022),
  e('A-HEAD-HEARING-PARTIAL-ONE-EAR', 'A', 'head', 'Partial deafness in one ear (permanent)', 240000),
  e('A-HEAD-HEARING-TOTAL-ONE-EAR', 'A', 'head', 'Total deafness in one ear', 1350000),
  e('A-HEAD-HEARING-TOTAL-BOTH-EARS', 'A', 'head', 'Total deafness in both ears', 4400000),
  e('A-HEAD-EYE-LOSS-OF-SIGHT-ONE', 'A', 'head', 'Loss of sight of one eye', 2200000),
  e('A-HEAD-EYE-BLINDNESS-BOTH', 'A', 'head', 'Total blindness (loss of sight of both eyes)', 17500000),
  e('A-HEAD-SMELL-LOSS-TOTAL', 'A', 'head', 'Total loss of smell', 350000),
  e('A-HEAD-TASTE-LOSS-TOTAL', 'A', 'head', 'Total loss of taste', 350000, PRACTITIONER_2022),

  // Part A: face.
  e('A-FACE-SCAR-MINOR', 'A', 'face', 'Scarring to the face: minor disfigurement', 150000),
  e(
    'A-FACE-SCAR-SIGNIFICANT',
    'A',
    'face',
    'Scarring to the face: significant disfigurement',
    240000,
    'OW v FtT and CICA [2024] UKUT 387 (AAC) para 7: CICA awarded "£2,400 at level A4 x 100% for significant scarring to face" under the 2012 scheme',
    true,
  ),
  e('A-FACE-SCAR-SERIOUS', 'A', 'face', 'Scarring to the face: serious disfigurement', 820000),
  e(
    'A-FACE-NOSE-FRACTURE-OPERATED',
    'A',
    'face',
    'Fractured nose requiring operative treatment (a simple fracture is not in the tariff)',
    150000,
    `${UNCHECKED}; amount uncertain. criminalinjurysolicitor.co.uk says a simple broken nose is not compensated`,
  ),
  e('A-FACE-CHEEKBONE-FRACTURE-OPERATED', 'A', 'face', 'Fractured cheekbone requiring operative treatment', 240000),
  e('A-FACE-JAW-DISLOCATED', 'A', 'face', 'Dislocated jaw', 350000, PRACTITIONER_2022),
  e('A-FACE-JAW-FRACTURE-OPERATED', 'A', 'face', 'Fractured jaw requiring operative treatment', 350000),
  e(
    'A-FACE-TOOTH-LOSS-FRONT-ONE',
    'A',
    'face',
    'Loss or damage of one front tooth requiring replacement',
    150000,
    PRACTITIONER_2022,
  ),
  e(
    'A-FACE-TEETH-LOSS-FRONT-2-3',
    'A',
    'face',
    'Loss or damage of two or three front teeth requiring replacement',
    240000,
  ),
  e(
    'A-FACE-TEETH-LOSS-FRONT-4-PLUS',
    'A',
    'face',
    'Loss or damage of four or more front teeth requiring replacement',
    350000,
  ),

  // Part A: neck and back.
  e('A-NECK-FRACTURE-FULL-RECOVERY', 'A', 'neck', 'Fractured neck vertebra with substantial recovery', 350000),
  e(
    'A-NECK-FRACTURE-CONTINUING',
    'A',
    'neck',
    'Fractured neck vertebra with continuing significant disability',
    1100000,
  ),
  e('A-TORSO-BACK-FRACTURE-VERTEBRA', 'A', 'torso', 'Fractured vertebra of the back with substantial recovery', 350000),

  // Part A: upper limbs.
  e('A-ARM-FRACTURE-ONE', 'A', 'upper limbs', 'Fractured arm (one) with substantial recovery', 240000),
  e(
    'A-ARM-FRACTURE-CONTINUING',
    'A',
    'upper limbs',
    'Fractured arm (one) with continuing significant disability',
    820000,
  ),
  e('A-ARM-LOSS-ONE', 'A', 'upper limbs', 'Loss of one arm', 8200000),
  e(
    'A-SHOULDER-DISLOCATION-CONTINUING',
    'A',
    'upper limbs',
    'Dislocated shoulder with continuing significant disability',
    350000,
  ),
  e('A-ELBOW-FRACTURE', 'A', 'upper limbs', 'Fractured elbow with substantial recovery', 240000),
  e('A-WRIST-FRACTURE', 'A', 'upper limbs', 'Fractured wrist (one) with substantial recovery', 240000),
  e('A-HAND-FRACTURE-ONE', 'A', 'upper limbs', 'Fractured hand (one) with substantial recovery', 200000),
  e(
    'A-HAND-FINGER-FRACTURE',
    'A',
    'upper limbs',
    'Fractured finger or thumb (one hand) with substantial recovery',
    100000,
  ),
  e('A-HAND-FINGER-LOSS-ONE', 'A', 'upper limbs', 'Loss of one finger other than the index finger or thumb', 350000),
  e('A-HAND-LOSS-ONE', 'A', 'upper limbs', 'Loss of one hand', 5500000),

  // Part A: torso.
  e('A-TORSO-LUNG-PUNCTURED', 'A', 'torso', 'Punctured or collapsed lung (one)', 350000),
  e('A-TORSO-ABDOMEN-LAPAROTOMY', 'A', 'torso', 'Injury to the abdomen requiring laparotomy', 350000),
  e('A-TORSO-SPLEEN-LOSS', 'A', 'torso', 'Loss of the spleen', 620000),
  e('A-TORSO-KIDNEY-LOSS-ONE', 'A', 'torso', 'Loss of one kidney', 1650000),
  e(
    'A-TORSO-PELVIS-FRACTURE-CONTINUING',
    'A',
    'torso',
    'Fractured pelvis with continuing significant disability',
    1100000,
  ),

  // Part A: lower limbs.
  e('A-LEG-FRACTURE-ONE', 'A', 'lower limbs', 'Fractured leg (one) with substantial recovery', 350000),
  e(
    'A-LEG-FRACTURE-CONTINUING',
    'A',
    'lower limbs',
    'Fractured leg (one) with continuing significant disability',
    1100000,
  ),
  e('A-LEG-LOSS-ONE-BELOW-KNEE', 'A', 'lower limbs', 'Loss of one leg below the knee', 4400000),
  e('A-LEG-LOSS-BOTH', 'A', 'lower limbs', 'Loss of both legs', 11000000),
  e(
    'A-KNEE-LIGAMENT-CONTINUING',
    'A',
    'lower limbs',
    'Knee ligament injury with continuing significant disability',
    620000,
  ),
  e(
    'A-ANKLE-FRACTURE-CONTINUING',
    'A',
    'lower limbs',
    'Fractured ankle with continuing significant disability',
    460000,
  ),
  e('A-FOOT-FRACTURE', 'A', 'lower limbs', 'Fractured foot bone (one foot) with substantial recovery', 150000),
  e('A-TOE-FRACTURE', 'A', 'lower limbs', 'Fractured toe (one foot) with continuing disability', 100000),

  // Part A: paralysis.
  e(
    'A-PARALYSIS-TETRAPLEGIA',
    'A',
    'paralysis',
    'Paralysis of all four limbs (tetraplegia)',
    25000000,
    `${UNCHECKED}; the £250,000 top of the tariff is corroborated by practitioner sources`,
  ),
  e('A-PARALYSIS-PARAPLEGIA', 'A', 'paralysis', 'Paralysis of both legs (paraplegia)', 17500000),
  e('A-PARALYSIS-HEMIPLEGIA', 'A', 'paralysis', 'Paralysis of one side of the body (hemiplegia)', 11000000),

  // Part A: burns and scarring to the body.
  e('A-BURNS-MINOR', 'A', 'burns', 'Burns: minor, healed with minor scarring', 150000),
  e('A-BURNS-MODERATE', 'A', 'burns', 'Burns: moderate, with significant scarring', 460000),
  e('A-BURNS-SEVERE', 'A', 'burns', 'Burns: severe, over 25% of the body with skin grafting', 2200000),
  e('A-BODY-SCAR-MINOR', 'A', 'scarring', 'Scarring to the body or limbs: minor disfigurement', 100000),
  e('A-BODY-SCAR-SIGNIFICANT', 'A', 'scarring', 'Scarring to the body or limbs: significant disfigurement', 200000),
  e('A-BODY-SCAR-SERIOUS', 'A', 'scarring', 'Scarring to the body or limbs: serious disfigurement', 350000),

  // Part B: physical abuse (a period of abuse is assessed as one injury).
  e(
    'B-PHYS-ABUSE-ADULT-MINOR',
    'B',
    'physical abuse',
    'Physical abuse of an adult: intermittent assaults with an accumulation of healed wounds, no appreciable disfigurement',
    100000,
  ),
  e(
    'B-PHYS-ABUSE-ADULT-SERIOUS',
    'B',
    'physical abuse',
    'Physical abuse of an adult: persistent pattern of repetitive violence over more than 3 years',
    440000,
  ),
  e(
    'B-PHYS-ABUSE-CHILD-MINOR',
    'B',
    'physical abuse',
    'Physical abuse of a child: intermittent assaults with an accumulation of healed wounds, no appreciable disfigurement',
    100000,
    `${UNCHECKED}; the 2008 equivalent (level 1, £1,000) is quoted in CM v FtT and CICA [2021] UKUT 326 (AAC)`,
  ),
  e(
    'B-PHYS-ABUSE-CHILD-SERIOUS',
    'B',
    'physical abuse',
    'Physical abuse of a child: persistent pattern of severe abuse over more than 3 years',
    620000,
  ),

  // Part B: sexual assault and abuse.
  e(
    'B-SEX-NONPEN-OVER-CLOTHING',
    'B',
    'sexual abuse',
    'Sexual assault: non-penetrative physical act over clothing, one incident',
    100000,
    PRACTITIONER_2013,
  ),
  e(
    'B-SEX-NONPEN-UNDER-CLOTHING',
    'B',
    'sexual abuse',
    'Sexual assault: non-penetrative physical act under clothing, one incident',
    150000,
    `${UNCHECKED}; SH v FtT and CICA [2024] UKUT 311 (AAC) para 6 quotes a 2012-scheme award "sexual assault child, level B2", £1,500, but not the descriptor`,
  ),
  e(
    'B-SEX-NONPEN-REPEATED-UP-TO-3Y',
    'B',
    'sexual abuse',
    'Sexual abuse: repeated non-penetrative acts under clothing over up to 3 years',
    330000,
  ),
  e(
    'B-SEX-NONPEN-REPEATED-OVER-3Y',
    'B',
    'sexual abuse',
    'Sexual abuse: repeated non-penetrative acts under clothing over more than 3 years',
    440000,
  ),
  e(
    'B-SEX-PEN-NONPENILE-ONE',
    'B',
    'sexual abuse',
    'Sexual assault: non-penile penetration or oral-genital act, one incident',
    330000,
    `${UNCHECKED}; £3,300 was the 2001-scheme amount for the equivalent (CICA v FtT and JC [2011] UKUT 77 (AAC))`,
  ),
  e(
    'B-SEX-PEN-NONPENILE-REPEATED',
    'B',
    'sexual abuse',
    'Sexual abuse: repeated non-penile penetration or oral-genital acts',
    820000,
  ),
  e(
    'B-SEX-PENILE-ONE',
    'B',
    'sexual abuse',
    'Non-consensual penile penetration of the vagina, anus or mouth, one incident',
    1100000,
    PRACTITIONER_2013,
  ),
  e(
    'B-SEX-PENILE-TWO-OR-MORE-ATTACKERS',
    'B',
    'sexual abuse',
    'Non-consensual penile penetration by two or more attackers',
    1350000,
  ),
  e(
    'B-SEX-PENILE-REPEATED-UP-TO-3Y',
    'B',
    'sexual abuse',
    'Repeated non-consensual penile penetration over up to 3 years',
    1650000,
  ),
  e(
    'B-SEX-PENILE-REPEATED-OVER-3Y',
    'B',
    'sexual abuse',
    'Repeated non-consensual penile penetration over more than 3 years',
    2200000,
  ),
  e(
    'B-SEX-PENILE-SERIOUS-INTERNAL-INJURY',
    'B',
    'sexual abuse',
    'Non-consensual penile penetration with serious internal bodily injury and permanent damage',
    2700000,
  ),
  e(
    'B-SEX-PENILE-PERMANENT-MENTAL-INJURY',
    'B',
    'sexual abuse',
    'Non-consensual penile penetration resulting in permanent, seriously disabling mental injury',
    3300000,
    `${UNCHECKED}; "as high as £33,000" for sexual abuse per ${PRACTITIONER_2013}`,
  ),

  // Part B: other payments, paid in full outside the multiple-injury formula.
  outside('B-PREGNANCY-SEXUAL-ASSAULT', 'pregnancy', 'Pregnancy resulting from a sexual assault', 550000),
  outside('B-LOSS-OF-FOETUS', 'pregnancy', 'Loss of foetus as a result of a crime of violence', 550000),
  outside('B-INFECTION-HIV', 'infection', 'Infection with HIV as a result of a sexual assault', 4400000),
  outside(
    'B-INFECTION-HEPATITIS',
    'infection',
    'Infection with hepatitis B or C as a result of a sexual assault',
    2200000,
  ),
  outside(
    'B-INFECTION-STI-PERMANENT',
    'infection',
    'Sexually transmitted infection, other than HIV or hepatitis, with permanent impairment',
    1100000,
  ),
  outside(
    'B-INFECTION-STI-RECOVERED',
    'infection',
    'Sexually transmitted infection, other than HIV or hepatitis, with substantial recovery',
    200000,
  ),
]);
