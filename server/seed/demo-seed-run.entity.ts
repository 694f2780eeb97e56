import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The demo population's generation as a job (issue #12, fault 1): what was asked (households, seed,
 * batch size), how many batches are stored, and when it completed. A batch and its count are written
 * in one transaction, so an interrupted seed resumes exactly where it stopped; `completedAt` is null
 * until the monitoring data is in too. Not exposed through the API (the start banner and /health
 * report it).
 */
@Entity()
export class DemoSeedRun {
  @PrimaryGeneratedColumn()
  id: number;

  /** Households asked for. */
  @Column({ type: 'int' })
  households: number;

  /** Seed of the deterministic generator. */
  @Column({ type: 'int' })
  seed: number;

  /** Households per batch (transaction). */
  @Column({ type: 'int' })
  batchSize: number;

  /** Batches stored so far. */
  @Column({ type: 'int', default: 0 })
  batchesDone: number;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  startedAt: Date;

  /** Set when every batch and the monitoring data are stored. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  completedAt: Date | null;
}
