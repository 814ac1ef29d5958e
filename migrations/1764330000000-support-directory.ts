import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The support directory, modelled on Open Referral UK (HSDS 3): organisations, their services, where each
 * service works, taxonomy terms for what it offers and whom it is for (HSDS `attribute` rows), age limits,
 * and two local extensions HSDS lacks: intake details and a capacity flag.
 */
export class SupportDirectory1764330000000 implements MigrationInterface {
  name = 'SupportDirectory1764330000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE directory_taxonomy_term (
        id uuid PRIMARY KEY,
        taxonomy text NOT NULL,
        code text NOT NULL,
        name text NOT NULL,
        description text,
        parent_id uuid REFERENCES directory_taxonomy_term (id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (taxonomy, code)
      )`);
    await queryRunner.query(`
      CREATE TABLE directory_organization (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        alternate_name text,
        description text NOT NULL DEFAULT '',
        email text,
        website text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE directory_service (
        id uuid PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES directory_organization (id) ON DELETE CASCADE,
        name text NOT NULL,
        alternate_name text,
        description text NOT NULL DEFAULT '',
        url text,
        email text,
        status text NOT NULL CHECK (status IN ('active', 'inactive', 'defunct', 'temporarily closed')),
        eligibility_description text,
        minimum_age integer CHECK (minimum_age >= 0),
        maximum_age integer CHECK (maximum_age >= 0),
        intake_method text NOT NULL DEFAULT 'api' CHECK (intake_method IN ('api', 'email', 'phone')),
        intake_description text,
        accepting_referrals boolean NOT NULL DEFAULT true,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (minimum_age IS NULL OR maximum_age IS NULL OR minimum_age <= maximum_age)
      )`);
    await queryRunner.query(`CREATE INDEX directory_service_organization_idx ON directory_service (organization_id)`);
    await queryRunner.query(`
      CREATE TABLE directory_service_area (
        id uuid PRIMARY KEY,
        service_id uuid NOT NULL REFERENCES directory_service (id) ON DELETE CASCADE,
        name text NOT NULL,
        description text,
        area_type text NOT NULL CHECK (area_type IN ('local-authority', 'postcode-district', 'country')),
        code text NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX directory_service_area_service_idx ON directory_service_area (service_id)`);
    await queryRunner.query(`CREATE INDEX directory_service_area_code_idx ON directory_service_area (area_type, code)`);
    await queryRunner.query(`
      CREATE TABLE directory_service_attribute (
        id uuid PRIMARY KEY,
        service_id uuid NOT NULL REFERENCES directory_service (id) ON DELETE CASCADE,
        taxonomy_term_id uuid NOT NULL REFERENCES directory_taxonomy_term (id) ON DELETE CASCADE,
        UNIQUE (service_id, taxonomy_term_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE directory_service_attribute`);
    await queryRunner.query(`DROP TABLE directory_service_area`);
    await queryRunner.query(`DROP TABLE directory_service`);
    await queryRunner.query(`DROP TABLE directory_organization`);
    await queryRunner.query(`DROP TABLE directory_taxonomy_term`);
  }
}
