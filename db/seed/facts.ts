/**
 * The real facts from the source documents (shared/seeds, copied summaries in docs/sources.md):
 * the programme "Hyvinvointia kuntiin ilman rajoja", its phases, funders and partners, the TaiKu
 * programme line, and the pilots "TaiKu sotessa" and "Kulttuurikaveri 2015". Not example data.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../connect";
import {
  continuationChecks,
  organisations,
  phaseFunders,
  pilotArtForms,
  pilotMunicipalities,
  pilotPartners,
  pilotProgrammes,
  pilots,
  pilotSectors,
  pilotSources,
  pilotTargetGroups,
  programmeOrganisations,
  programmePhases,
  programmes,
} from "../schema";

const SOURCE_KAKSINEUVOINEN = {
  title: "Kuntayhtymä Kaksineuvoinen: Hankkeet ja kehittämistoiminta (päivitetty 16.4.2019)",
  document: "Kuntayhtymä Kaksineuvoinen, verkkosivu Hankkeet ja kehittämistoiminta, päivitetty 16.4.2019",
};
const SOURCE_CARD = {
  title: "Taikusydän-hankekortti: Hyvinvointia kuntiin ilman rajoja / Välfärd för kommuner över gränser (30.6.2016)",
  document: "Hankekortti 30.06.2016, yhteyshenkilö projektipäällikkö Esa Vienamo, Etelä-Pohjanmaan liitto",
};

export const PROGRAMME_CODE = "HKIR";
export const TAIKU_CODE = "TAIKU";

export async function factsPresent(db: Db) {
  const rows = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.code, PROGRAMME_CODE));
  return rows.length > 0;
}

export async function seedFacts(db: Db) {
  if (await factsPresent(db)) return;
  await db.transaction(async (tx) => {
    const org = async (name: { fi: string; sv: string }, kind: string, municipalityCode?: string) => {
      const [row] = await tx
        .insert(organisations)
        .values({ name, kind, municipalityCode })
        .returning({ id: organisations.id });
      return row.id;
    };
    const epl = await org({ fi: "Etelä-Pohjanmaan liitto", sv: "Södra Österbottens förbund" }, "council", "743");
    const pl = await org({ fi: "Pohjanmaan liitto", sv: "Österbottens förbund" }, "council", "905");
    const sofuk = await org(
      {
        fi: "Svenska Österbottens förbund för utbildning och kultur (SÖFUK) / KulturÖsterbotten",
        sv: "Svenska Österbottens förbund för utbildning och kultur (SÖFUK) / KulturÖsterbotten",
      },
      "joint_authority",
    );
    const okm = await org(
      { fi: "Opetus- ja kulttuuriministeriö (OKM)", sv: "Undervisnings- och kulturministeriet (UKM)" },
      "ministry",
    );
    const kaksineuvoinen = await org(
      { fi: "Kuntayhtymä Kaksineuvoinen", sv: "Samkommunen Kaksineuvoinen" },
      "joint_authority",
      "233",
    );
    const kauhava = await org({ fi: "Kauhavan kaupunki", sv: "Kauhava stad" }, "municipality", "233");
    const aijjoos = await org({ fi: "Aijjoos-toiminta", sv: "Aijjoos-verksamheten" }, "other", "233");

    const [programme] = await tx
      .insert(programmes)
      .values({
        code: PROGRAMME_CODE,
        name: { fi: "Hyvinvointia kuntiin ilman rajoja", sv: "Välfärd för kommuner över gränser" },
        description: {
          fi: "Etelä-Pohjanmaan liiton hanke, jossa luodaan Etelä-Pohjanmaan ja Pohjanmaan kuntiin uusia terveyttä ja hyvinvointia edistäviä taide- ja kulttuuripalveluja kunnallisten pilottien kautta ja juurrutetaan ne osaksi kuntien palvelutarjontaa. Ensimmäisenä vuonna 2015 toteutettiin OKM:n rahoituksella 12 kuntapilottia; kesällä 2016 jatkohankkeessa oli käynnissä 9 uutta pilottia. Ensimmäisen vuoden palveluista yli 80 % jatkoi hankkeen tuen päätyttyä.",
          sv: "Ett projekt av Södra Österbottens förbund som skapar nya konst- och kulturtjänster som främjar hälsa och välfärd i kommunerna i Södra Österbotten och Österbotten genom kommunala pilotprojekt, och förankrar dem i kommunernas serviceutbud. Det första året 2015 genomfördes 12 kommunala pilotprojekt med UKM:s finansiering; sommaren 2016 pågick 9 nya pilotprojekt i fortsättningsprojektet. Över 80 % av tjänsterna från det första året fortsatte efter att projektstödet upphört.",
        },
        startDate: "2015-02-01",
        endDate: "2017-12-31",
      })
      .returning({ id: programmes.id });
    const [taiku] = await tx
      .insert(programmes)
      .values({
        code: TAIKU_CODE,
        name: {
          fi: "TaiKu – taide ja kulttuuri sosiaali- ja terveyspalveluissa",
          sv: "TaiKu – konst och kultur inom social- och hälsovården",
        },
        description: {
          fi: "Ohjelmalinja piloteille, jotka tuovat taiteen ja kulttuurin sosiaali- ja terveyspalvelujen omiin yksiköihin.",
          sv: "Programlinje för pilotprojekt som för in konst och kultur i social- och hälsovårdens egna enheter.",
        },
      })
      .returning({ id: programmes.id });

    await tx
      .insert(programmeOrganisations)
      .values([
        { programmeId: programme.id, organisationId: epl, role: "implementer" },
        { programmeId: programme.id, organisationId: pl, role: "partner" },
        { programmeId: programme.id, organisationId: sofuk, role: "partner" },
        ...[okm, epl, pl, sofuk].map((id) => ({ programmeId: programme.id, organisationId: id, role: "funder" })),
      ]);

    const phase = async (
      code: string,
      name: { fi: string; sv: string },
      start: string,
      end: string,
      funders: number[],
    ) => {
      const [row] = await tx
        .insert(programmePhases)
        .values({ programmeId: programme.id, code, name, startDate: start, endDate: end })
        .returning({ id: programmePhases.id });
      await tx.insert(phaseFunders).values(funders.map((organisationId) => ({ phaseId: row.id, organisationId })));
      return row.id;
    };
    await phase("2015", { fi: "Kuntapilotit 2015", sv: "Kommunala pilotprojekt 2015" }, "2015-02-01", "2015-12-31", [
      okm,
    ]);
    await phase("2016", { fi: "Jatkohanke 2016", sv: "Fortsättningsprojektet 2016" }, "2016-01-01", "2016-12-31", [
      okm,
      epl,
      pl,
      sofuk,
    ]);
    const phaseII = await phase("II", { fi: "Vaihe II", sv: "Fas II" }, "2017-01-01", "2017-12-31", [
      okm,
      epl,
      pl,
      sofuk,
    ]);
    const phase2015 = (
      await tx.select({ id: programmePhases.id }).from(programmePhases).where(eq(programmePhases.code, "2015"))
    )[0].id;

    // TaiKu sotessa: Kaksineuvoinen's development pilot in phase II; ended at the end of 2017, continued as the authority's own activity.
    const [taikuSotessa] = await tx
      .insert(pilots)
      .values({
        title: { fi: "TaiKu sotessa" },
        summary: {
          fi: "Taide-, kulttuuri- ja viriketoiminnan kehittäminen Kuntayhtymä Kaksineuvoisen sosiaali- ja terveyspalveluissa; yksiköiden kulttuurivastaavien osaamisen vahvistaminen.",
        },
        description: {
          fi: "Kuntayhtymä sai Etelä-Pohjanmaan liiton Hyvinvointia kuntiin yli rajojen II -hankkeesta kehittämispilotin ”TaiKu sotessa”. Tavoitteena on taide-, kulttuuri- ja viriketoiminnan kehittäminen kuntayhtymän palveluissa, ja toiminta kohdistuu entistä kattavammin eri asiakasryhmiin. Pilotilla lisätään yksiköiden kulttuurivastaavien osaamista ja valmiuksia hyödyntää kulttuuria eri palveluissa – sekä matalalla kynnyksellä itse toteutettuna että yhdessä ulkopuolisten kanssa. Pilotti päättyi vuoden 2017 lopussa, minkä jälkeen toimintaa jatketaan kuntayhtymän omana kehittämistoimintana.",
        },
        endDate: "2017-12-31",
        implementerId: kaksineuvoinen,
        state: "published",
        publishedAt: new Date("2019-04-16T00:00:00Z"),
      })
      .returning({ id: pilots.id });
    await tx.insert(pilotProgrammes).values([
      { pilotId: taikuSotessa.id, programmeId: programme.id, phaseId: phaseII },
      { pilotId: taikuSotessa.id, programmeId: taiku.id },
    ]);
    // Kaksineuvoinen's member municipalities; the authority is seated in Kauhava.
    await tx.insert(pilotMunicipalities).values([
      { pilotId: taikuSotessa.id, municipalityCode: "233", isLead: true },
      { pilotId: taikuSotessa.id, municipalityCode: "052", isLead: false },
      { pilotId: taikuSotessa.id, municipalityCode: "403", isLead: false },
      { pilotId: taikuSotessa.id, municipalityCode: "934", isLead: false },
    ]);
    await tx
      .insert(pilotSectors)
      .values(["culture", "social", "health"].map((sectorCode) => ({ pilotId: taikuSotessa.id, sectorCode })));
    await tx.insert(pilotTargetGroups).values(
      ["older_people", "intellectual_disabilities", "other_special"].map((targetGroupCode) => ({
        pilotId: taikuSotessa.id,
        targetGroupCode,
      })),
    );
    await tx.insert(pilotArtForms).values({ pilotId: taikuSotessa.id, artFormCode: "multidisciplinary" });
    await tx.insert(pilotSources).values({ pilotId: taikuSotessa.id, ...SOURCE_KAKSINEUVOINEN });
    await tx.insert(continuationChecks).values({
      pilotId: taikuSotessa.id,
      checkedOn: "2019-04-16",
      statusCode: "continues_own",
      fundingAfter: "Kuntayhtymä Kaksineuvoisen oma kehittämistoiminta",
      evidenceRef: SOURCE_KAKSINEUVOINEN.title,
      notes: "Toimintaa jatketaan kuntayhtymän omana kehittämistoimintana pilotin päätyttyä vuoden 2017 lopussa.",
      fromSources: true,
    });

    // Kulttuurikaveri 2015: Kauhava's pilot, April–December 2015; continues, coordinated by the Aijjoos activity.
    const [kaveri] = await tx
      .insert(pilots)
      .values({
        title: { fi: "Kulttuurikaveri 2015" },
        summary: {
          fi: "Kulttuurikaveritoiminnan käynnistäminen Kaksineuvoisen alueella aikuisille ja ikäihmisille, jotka kaipaavat seuraa kulttuuritapahtumiin.",
        },
        description: {
          fi: "Kauhavan kaupunki haki Hyvinvointia kuntiin ilman rajoja -hankkeesta kuntapilotin kulttuurikaveritoiminnan käynnistämiseen Kaksineuvoisen alueella. Kohderyhmänä ovat aikuiset ja ikäihmiset, jotka kaipaavat seuraa erilaisiin kulttuuritapahtumiin. Pilotti toteutettiin huhti–joulukuussa 2015. Kulttuurikavereiksi ilmoittautui parikymmentä vapaaehtoista, ja heille järjestettiin koulutusta. Ensimmäiset kulttuurikaverit aloittivat toimintansa jo syksyn aikana. Toiminta jatkuu Aijjoos-toiminnan koordinoimana.",
        },
        startDate: "2015-04-01",
        endDate: "2015-12-31",
        implementerId: kauhava,
        state: "published",
        publishedAt: new Date("2019-04-16T00:00:00Z"),
      })
      .returning({ id: pilots.id });
    await tx.insert(pilotProgrammes).values({ pilotId: kaveri.id, programmeId: programme.id, phaseId: phase2015 });
    await tx.insert(pilotMunicipalities).values({ pilotId: kaveri.id, municipalityCode: "233", isLead: true });
    await tx.insert(pilotPartners).values({ pilotId: kaveri.id, organisationId: aijjoos, role: "partner" });
    await tx
      .insert(pilotSectors)
      .values(["culture", "social"].map((sectorCode) => ({ pilotId: kaveri.id, sectorCode })));
    await tx.insert(pilotTargetGroups).values({ pilotId: kaveri.id, targetGroupCode: "older_people" });
    await tx.insert(pilotArtForms).values({ pilotId: kaveri.id, artFormCode: "multidisciplinary" });
    await tx.insert(pilotSources).values([
      { pilotId: kaveri.id, ...SOURCE_KAKSINEUVOINEN },
      { pilotId: kaveri.id, ...SOURCE_CARD },
    ]);
    await tx.insert(continuationChecks).values({
      pilotId: kaveri.id,
      checkedOn: "2019-04-16",
      statusCode: "transferred",
      fundingAfter: "Aijjoos-toiminta (Kuntayhtymä Kaksineuvoinen)",
      evidenceRef: SOURCE_KAKSINEUVOINEN.title,
      notes: "Toiminta jatkuu Aijjoos-toiminnan koordinoimana.",
      fromSources: true,
    });
  });
}
